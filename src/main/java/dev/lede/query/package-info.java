/**
 * The search side of the API: a {@link dev.lede.query.SearchRequest} goes to {@code
 * ArticleIndex.search} and {@link dev.lede.query.SearchResults} come back, each {@link
 * dev.lede.query.Hit} with escaped, highlighted {@link dev.lede.query.Snippet}s, plus the {@link
 * dev.lede.query.Facet} counts a {@link dev.lede.query.FacetRequest} asks for and a "did you mean"
 * respelling; {@code ArticleIndex.suggest} returns {@link dev.lede.query.TitleSuggestion}s. Parsing, the
 * query tree and its compilation to Lucene live in the non-exported {@code
 * dev.lede.internal.query}.
 */
package dev.lede.query;
