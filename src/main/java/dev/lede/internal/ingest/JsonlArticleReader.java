package dev.lede.internal.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.article.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;

/**
 * A {@code .jsonl} file holds one article per line, a JSON object mapped by {@link RecordMapper}. A
 * record without an id gets {@code <file>#<line>} (so such ids shift when lines are inserted above
 * it). A malformed line is reported with its number and the other lines are indexed; blank lines
 * are passed over.
 */
public final class JsonlArticleReader implements ArticleReader {

    @Override
    public void read(InputFile input, Consumer<Article> sink, ReportCollector report) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(input.path(), StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    readLine(input.name(), lineNumber, line, sink, report);
                }
            }
        }
    }

    private static void readLine(
            String file, int lineNumber, String line, Consumer<Article> sink, ReportCollector report) {
        JsonNode record;
        try {
            record = RecordMapper.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            report.failed(file, lineNumber, "malformed JSON: " + e.getOriginalMessage());
            return;
        }
        Article article = RecordMapper.map(record, file, lineNumber, report);
        if (article != null) {
            sink.accept(article);
        }
    }
}
