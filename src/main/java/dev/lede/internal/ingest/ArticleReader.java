package dev.lede.internal.ingest;

import dev.lede.article.Article;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Turns one file of one format into articles. Bad records go into the report and reading goes
 * on; an {@link IOException} means the file as a whole could not be read. Implementations are
 * stateless and thread-safe.
 */
public interface ArticleReader {
    /** Reads {@code input}, handing each valid article to {@code sink}. */
    void read(InputFile input, Consumer<Article> sink, ReportCollector report) throws IOException;
}
