/**
 * Ingesting, from the caller's side: {@link dev.lede.ingest.IngestOptions} (threads, progress,
 * cancellation) go in, {@link dev.lede.ingest.IngestProgress} comes back while it runs, and an
 * {@link dev.lede.ingest.IngestReport} with its {@link dev.lede.ingest.IngestProblem}s at the end.
 * The readers that turn files into articles live in the non-exported {@code
 * dev.lede.internal.ingest}: plain text ({@code .txt}), Markdown ({@code .md}), JSON ({@code
 * .json}) and JSON Lines ({@code .jsonl}). {@link dev.lede.ingest.HtmlArticles} turns one HTML news
 * page into an {@link dev.lede.article.Article}: main text without the page furniture, and the
 * page's title, authors, date, URL, site name and language.
 */
package dev.lede.ingest;
