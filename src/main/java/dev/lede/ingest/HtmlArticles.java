package dev.lede.ingest;

import dev.lede.article.Article;
import dev.lede.internal.html.Extracted;
import dev.lede.internal.html.HtmlExtractor;
import dev.lede.internal.ingest.HtmlArticleReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Articles from HTML news pages: the main text as a reader sees it (navigation, ads, share bars,
 * comments, related-story lists and cookie or subscription notices left out; paragraphs separated
 * by blank lines), and the title without the site name, the authors, the publication date in the
 * page's own offset, the canonical URL, the site name as source and the language. Structured
 * metadata (JSON-LD, OpenGraph and other {@code <meta>} tags) wins over what the page shows. A
 * page with text but no title takes its first sentence as the title, as in a folder ingest.
 * Stateless and thread-safe.
 */
public final class HtmlArticles {
    private HtmlArticles() {}

    /**
     * The article in an HTML file, with the file's name as its id. The file is decoded by its
     * byte-order mark or {@code <meta charset>}, else as UTF-8.
     *
     * @return the article, or empty when the page has neither a title nor any main text
     * @throws IOException if the file cannot be read
     */
    public static Optional<Article> read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        return article(name == null ? file.toString() : name.toString(), HtmlExtractor.extract(file));
    }

    /**
     * The article in a page's HTML.
     *
     * @param id the article id
     * @param html the page
     * @return the article, or empty when the page has neither a title nor any main text
     */
    public static Optional<Article> parse(String id, String html) {
        Objects.requireNonNull(id, "id");
        return article(id, HtmlExtractor.extract(html, ""));
    }

    private static Optional<Article> article(String id, Extracted page) {
        return Optional.ofNullable(HtmlArticleReader.article(id, page)); // exactly what ingest indexes
    }
}
