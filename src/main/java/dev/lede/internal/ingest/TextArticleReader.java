package dev.lede.internal.ingest;

import dev.lede.article.Article;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A {@code .txt} file is one article. After the leading notice (see {@link TextRules}), the first
 * line is the title when it looks like one, else the title comes from the first sentence. The id
 * is the file's name relative to the folder ingested. No date: plain text carries none.
 *
 * <p>Text that is not valid UTF-8 is read as Windows-1252 (the usual alternative for old news
 * text) with a warning in the report.
 */
public final class TextArticleReader implements ArticleReader {
    @Override
    public void read(InputFile input, Consumer<Article> sink, ReportCollector report) throws IOException {
        String raw = FileText.read(input, report);
        if (raw == null) {
            report.skipped(input.name(), 0, FileText.BINARY);
            return;
        }
        Article article = parse(input.name(), raw);
        if (article == null) {
            report.skipped(input.name(), 0, FileText.EMPTY);
        } else {
            sink.accept(article);
        }
    }

    /** The article in a plain-text file's content, or {@code null} when there is no text. */
    public static Article parse(String id, String raw) {
        TextRules.Split split = TextRules.splitNotice(TextRules.normalize(raw));
        TextRules.Titled titled = TextRules.splitTitleLine(split.text());
        String title = titled.title() != null ? titled.title() : TextRules.titleFromBody(titled.body());
        if (title.isEmpty() && titled.body().isEmpty()) {
            return null;
        }
        return Article.builder(id)
                .title(title)
                .body(titled.body())
                .notice(split.notice())
                .build();
    }
}
