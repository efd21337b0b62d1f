package dev.lede.query;

import dev.lede.article.Article;
import java.util.Objects;

/**
 * An article related to another (see {@link RelatedRequest}).
 *
 * @param id the article's id
 * @param score how strongly it relates: the BM25 score of the other article's distinctive terms
 *     in it, comparable only within one answer
 * @param article the stored article
 */
public record RelatedArticle(String id, float score, Article article) {
    public RelatedArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(article, "article");
    }
}
