/**
 * The index schema: field names, field types and analyzers, shared by the writing side ({@code
 * dev.lede.ArticleIndex}) and the query side ({@code dev.lede.internal.query}). Not exported.
 */
package dev.lede.internal.schema;
