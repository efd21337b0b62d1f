/**
 * Ingestion: {@link dev.lede.internal.ingest.Inputs} finds files and picks one {@link
 * dev.lede.internal.ingest.ArticleReader} per format ({@code .txt}, {@code .md}, {@code .json},
 * {@code .jsonl}); {@link dev.lede.internal.ingest.RecordMapper} maps JSON records, {@link
 * dev.lede.internal.ingest.Dates} reads dates, and {@link dev.lede.internal.ingest.TextRules}
 * holds the text rules every format shares (notice, title). The articles go to {@code
 * dev.lede.internal.index.BulkIngest}, which writes them. Not exported.
 */
package dev.lede.internal.ingest;
