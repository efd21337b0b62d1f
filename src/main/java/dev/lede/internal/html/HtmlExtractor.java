package dev.lede.internal.html;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts a news article from an HTML page: its main text without the page furniture, and its
 * title, authors, date, canonical URL, site name and language. Stateless and thread-safe.
 */
public final class HtmlExtractor {
    private HtmlExtractor() {}

    /**
     * The article in {@code html}.
     *
     * @param html the page
     * @param baseUri the page's address, to resolve relative links against, or {@code ""}
     * @return what was found; a page with no article gives an empty body
     */
    public static Extracted extract(String html, String baseUri) {
        Objects.requireNonNull(html, "html");
        return extract(Jsoup.parse(html, Objects.requireNonNull(baseUri, "baseUri")));
    }

    /**
     * The article in an HTML file, decoded by its byte-order mark or {@code <meta charset>}, else
     * as UTF-8.
     *
     * @throws IOException if the file cannot be read
     */
    public static Extracted extract(Path file) throws IOException {
        return extract(Jsoup.parse(file, null, ""));
    }

    /** The article in a parsed page; changes {@code doc}. */
    public static Extracted extract(Document doc) {
        PageMetadata meta = PageMetadata.read(doc);
        Element body = doc.body();
        List<String> blocks = body == null ? List.of() : MainText.extract(body, meta);
        return new Extracted(
                meta.title(),
                meta.authors(),
                meta.published(),
                meta.url(),
                meta.source(),
                meta.language(),
                String.join("\n\n", blocks));
    }
}
