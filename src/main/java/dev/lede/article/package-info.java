/**
 * The article model: {@link dev.lede.article.Article}, the immutable value every ingest reader
 * produces and every search hit carries, and {@link dev.lede.article.Published}, its date.
 */
package dev.lede.article;
