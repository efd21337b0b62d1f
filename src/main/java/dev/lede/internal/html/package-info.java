/**
 * HTML news pages to articles: {@link dev.lede.internal.html.HtmlExtractor} parses a page with
 * jsoup, reads its metadata ({@code PageMetadata}: JSON-LD first, then OpenGraph and other meta
 * tags, then {@code <time>} elements and visible bylines and datelines) and its main text ({@code
 * MainText}: furniture removed by {@code Boilerplate} class, id and role words, the article
 * element chosen by the JSON-LD articleBody or by Readability-style content scoring, then blocks
 * from {@code TextBlocks} filtered). The public face is {@code dev.lede.ingest.HtmlArticles}; the
 * scoring against references is {@code dev.lede.eval.ExtractionEvaluation}. Not exported.
 */
package dev.lede.internal.html;
