package dev.lede.internal.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import dev.lede.article.Published;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@code .jsonl} file holds one article per line, a JSON object with {@code id}, {@code title},
 * {@code body}, {@code published}, {@code url}, {@code source}, {@code topics} (also {@code
 * authors} and {@code language}). A record's own id is used as it is. A malformed line is
 * reported with its number and the other lines are indexed; blank lines are passed over.
 */
public final class JsonlArticleReader implements ArticleReader {
    // Trailing tokens fail the line: two objects on one line are a malformed line, not the first.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
            record = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            report.failed(file, lineNumber, "malformed JSON: " + e.getOriginalMessage());
            return;
        }
        if (!record.isObject()) {
            report.failed(file, lineNumber, "not a JSON object");
            return;
        }
        String id = text(record, "id");
        if (id == null || id.isBlank()) {
            report.skipped(file, lineNumber, "record has no id");
            return;
        }
        TextRules.Split split = TextRules.splitNotice(TextRules.normalize(nullToEmpty(text(record, "body"))));
        String title = nullToEmpty(text(record, "title")).strip();
        if (title.isEmpty()) {
            title = TextRules.titleFromBody(split.text());
        }
        if (title.isEmpty() && split.text().isEmpty()) {
            report.skipped(file, lineNumber, "article '" + id + "' has neither a title nor a body");
            return;
        }
        sink.accept(Article.builder(id)
                .title(title)
                .body(split.text())
                .notice(split.notice())
                .url(text(record, "url"))
                .source(text(record, "source"))
                .authors(list(record, "authors", "author"))
                .topics(list(record, "topics"))
                .language(text(record, "language"))
                .published(published(record, file, lineNumber, report))
                .build());
    }

    private static Published published(JsonNode record, String file, int line, ReportCollector report) {
        String value = text(record, "published");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Published.parse(value);
        } catch (IllegalArgumentException e) {
            report.warning(file, line, "published: " + e.getMessage() + "; indexed undated");
            return null;
        }
    }

    private static String text(JsonNode record, String field) {
        JsonNode node = record.get(field);
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A string or an array of strings, under the first of the names present. */
    private static List<String> list(JsonNode record, String... names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            JsonNode node = record.get(name);
            if (node == null || node.isNull()) {
                continue;
            }
            if (node.isArray()) {
                node.forEach(v -> {
                    if (v.isValueNode() && !v.isNull()) {
                        values.add(v.asText());
                    }
                });
            } else if (node.isValueNode()) {
                values.add(node.asText());
            }
            break;
        }
        return values;
    }
}
