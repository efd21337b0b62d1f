package dev.lede.internal.ingest;

import dev.lede.article.Article;
import dev.lede.internal.html.Extracted;
import dev.lede.internal.html.HtmlExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;

/**
 * An {@code .html} or {@code .htm} file is one news page, one article: its main text, title,
 * authors, date, canonical URL, site name and language as {@link HtmlExtractor} finds them. The id
 * is the file's name relative to the folder ingested, as for plain text. A page with a body but no
 * title takes its first sentence as the title.
 */
public final class HtmlArticleReader implements ArticleReader {
    /** What is reported for a page in which no article was found. */
    static final String NO_ARTICLE = "no article text found in the page";

    @Override
    public void read(InputFile input, Consumer<Article> sink, ReportCollector report) throws IOException {
        if (Files.size(input.path()) == 0) {
            report.skipped(input.name(), 0, FileText.EMPTY);
            return;
        }
        if (FileText.isBinary(input.path())) {
            report.skipped(input.name(), 0, FileText.BINARY);
            return;
        }
        Article article = article(input.name(), HtmlExtractor.extract(input.path()));
        if (article == null) {
            report.skipped(input.name(), 0, NO_ARTICLE);
        } else {
            sink.accept(article);
        }
    }

    /**
     * The article of an extracted page, or {@code null} when it has neither title nor text: the one
     * mapping, for ingest and for {@link dev.lede.ingest.HtmlArticles} alike.
     */
    public static Article article(String id, Extracted page) {
        String body = page.body().strip();
        String title = page.title().isBlank()
                ? TextRules.titleFromBody(body)
                : page.title().strip();
        if (title.isEmpty() && body.isEmpty()) {
            return null;
        }
        return Article.builder(id)
                .title(title)
                .body(body)
                .url(page.url()) // the article turns blank values into none
                .source(page.source())
                .authors(page.authors())
                .published(page.published())
                .language(page.language())
                .build();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
