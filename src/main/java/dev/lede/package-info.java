/**
 * Lede: embedded full-text search over news articles. {@link dev.lede.ArticleIndex} is the entry
 * point: open an index, ingest articles ({@code dev.lede.ingest}), search them ({@code
 * dev.lede.query}), and get back {@code dev.lede.article.Article}s with highlighted snippets.
 */
package dev.lede;
