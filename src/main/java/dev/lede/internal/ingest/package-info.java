/**
 * Ingestion: {@link dev.lede.internal.ingest.Inputs} finds files, one {@link
 * dev.lede.internal.ingest.ArticleReader} per format turns each into articles, and {@link
 * dev.lede.internal.ingest.TextRules} holds the text rules every format shares (notice, title).
 * The articles go to {@code dev.lede.ArticleIndex}, which writes them. Not exported.
 */
package dev.lede.internal.ingest;
