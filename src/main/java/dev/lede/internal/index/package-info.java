/**
 * The writing side, inside: {@link dev.lede.internal.index.BulkIngest} runs one ingest on all cores
 * with unchanged detection, and {@link dev.lede.internal.index.IndexRebuild} rebuilds an index from
 * its own stored articles. Field names and documents come from {@code
 * dev.lede.internal.schema.Schema}. Not exported.
 */
package dev.lede.internal.index;
