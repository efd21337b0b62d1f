/**
 * What an ingest reports: {@link dev.lede.ingest.IngestReport} and its {@link
 * dev.lede.ingest.IngestProblem}s. The readers that turn files into articles live in the
 * non-exported {@code dev.lede.internal.ingest}: plain text ({@code .txt}) and JSON Lines ({@code
 * .jsonl}).
 */
package dev.lede.ingest;
