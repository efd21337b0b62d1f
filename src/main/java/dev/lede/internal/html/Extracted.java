package dev.lede.internal.html;

import dev.lede.article.Published;
import java.util.List;
import java.util.Objects;

/**
 * What {@link HtmlExtractor} found in one page. Strings are never null ({@code ""} when the page
 * does not say); {@code published} is {@code null} when the page gives no date.
 *
 * @param title headline without the site-name suffix
 * @param authors bylines, in page order
 * @param published publication date in the page's own offset, or {@code null}
 * @param url canonical URL, or {@code ""}
 * @param source site name, or {@code ""}
 * @param language language tag as the page gives it ({@code en}, {@code pt-BR}), or {@code ""}
 * @param body main text, paragraphs and headings separated by blank lines ({@code "\n\n"})
 */
public record Extracted(
        String title,
        List<String> authors,
        Published published,
        String url,
        String source,
        String language,
        String body) {
    public Extracted {
        Objects.requireNonNull(title, "title");
        authors = List.copyOf(authors);
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(body, "body");
    }
}
