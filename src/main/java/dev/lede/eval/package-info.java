/**
 * Relevance evaluation: how well an {@link dev.lede.ArticleIndex} ranks, measured on judged
 * queries. {@link dev.lede.eval.Queries} and {@link dev.lede.eval.Judgments} (qrels) are read from
 * the usual test-collection files, {@link dev.lede.eval.Evaluation} runs every query through the
 * normal search path ({@code dev.lede.query}), and {@link dev.lede.eval.Metrics} scores the
 * rankings as trec_eval does into an {@link dev.lede.eval.EvalReport}, which can also write a TREC
 * run file for cross-checking with trec_eval or other tools.
 */
package dev.lede.eval;
