package dev.lede.query;

import dev.lede.article.Published;
import java.util.Objects;

/**
 * A title offered for what a user is typing ({@code ArticleIndex.suggest}).
 *
 * @param id the article's id
 * @param title the title with the typed words marked: plain text and escaped HTML with {@code
 *     <mark>} tags, like a {@link Hit#title()}
 * @param published the article's publication, or {@code null} when it has none
 */
public record TitleSuggestion(String id, Snippet title, Published published) {
    public TitleSuggestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
