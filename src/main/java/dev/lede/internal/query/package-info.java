/**
 * The query side, inside: query text becomes a {@link dev.lede.internal.query.QueryNode} tree
 * ({@link dev.lede.internal.query.LenientParser}) or a Lucene query directly ({@link
 * dev.lede.internal.query.StrictParser}), the tree is compiled to Lucene ({@link
 * dev.lede.internal.query.LuceneCompiler}), and {@link dev.lede.internal.query.ArticleSearcher}
 * runs it and highlights the page ({@link dev.lede.internal.query.ArticleHighlighter}), counts
 * facets ({@code FacetCounter}) and respells a query that finds few ({@code SpellingSuggester});
 * {@link dev.lede.internal.query.TitleSuggester} completes titles as they are typed. Every
 * field name and analyzer comes from {@code dev.lede.internal.schema.Schema}. Not exported.
 */
package dev.lede.internal.query;
