package dev.lede.query;

import dev.lede.article.Article;
import java.util.List;
import java.util.Objects;

/**
 * One search result: the article, its score, and its highlighted title and snippets.
 *
 * @param id the article's id
 * @param score the relevance score (BM25); {@code NaN} when results are sorted by date
 * @param article the stored article
 * @param title the title, highlighted where it matches
 * @param snippets passages of the body in document order; when the body has no match, its lede
 * @param duplicates when near-duplicates are collapsed ({@link SearchRequest#collapse(boolean)}):
 *     the other copies of this story among the ranked matches the search looked at, most similar
 *     first (ties by id); empty otherwise
 */
public record Hit(
        String id, float score, Article article, Snippet title, List<Snippet> snippets, List<Duplicate> duplicates) {
    public Hit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(title, "title");
        snippets = List.copyOf(Objects.requireNonNull(snippets, "snippets"));
        duplicates = List.copyOf(Objects.requireNonNull(duplicates, "duplicates"));
    }

    /** A hit with no duplicates folded into it. */
    public Hit(String id, float score, Article article, Snippet title, List<Snippet> snippets) {
        this(id, score, article, title, snippets, List.of());
    }

    /** This hit with {@code duplicates} folded into it. */
    public Hit withDuplicates(List<Duplicate> duplicates) {
        return new Hit(id, score, article, title, snippets, duplicates);
    }
}
