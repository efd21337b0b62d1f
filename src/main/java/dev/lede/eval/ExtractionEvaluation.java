package dev.lede.eval;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.internal.html.Extracted;
import dev.lede.internal.html.HtmlExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores the HTML extractor on a test folder laid out as html-dev is: {@code html/<id>.html}
 * pages and a {@code truth.jsonl} with one reference per line ({@code id}, {@code source}, {@code
 * subset}, {@code title}, {@code author}, {@code date}, {@code body}, {@code must_include}, {@code
 * must_exclude}). See {@link ExtractionMetrics} for how each field is compared.
 */
public final class ExtractionEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractionEvaluation() {}

    /**
     * Extracts every page listed in {@code folder/truth.jsonl} and scores it.
     *
     * @throws IOException if the truth file or a page cannot be read
     * @throws IllegalArgumentException if a truth line is not a JSON object with an id
     */
    public static ExtractionReport run(Path folder) throws IOException {
        Path truth = folder.resolve("truth.jsonl");
        if (!Files.isRegularFile(truth)) {
            throw new NoSuchFileException(truth.toString(), null, "no truth.jsonl in this folder");
        }
        List<PageScore> pages = new ArrayList<>();
        long nanos = 0;
        int lineNumber = 0;
        for (String line : Files.readAllLines(truth, UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode ref = JSON.readTree(line);
            String id = ref.path("id").asText("");
            if (id.isEmpty()) {
                throw new IllegalArgumentException(truth + ":" + lineNumber + ": no id");
            }
            String html = Files.readString(folder.resolve("html").resolve(id + ".html"), UTF_8);
            long start = System.nanoTime();
            Extracted got = HtmlExtractor.extract(html, ref.path("url").asText(""));
            long took = System.nanoTime() - start;
            nanos += took;
            pages.add(score(id, ref, got, took));
        }
        return new ExtractionReport(pages, nanos);
    }

    static PageScore score(String id, JsonNode ref, Extracted got, long nanos) {
        String body = ref.path("body").asText("");
        String author = textOrNull(ref, "author");
        String date = textOrNull(ref, "date");
        String title = textOrNull(ref, "title");
        String published = got.published() == null ? null : got.published().toString();
        boolean wcxb = ref.has("author") || ref.has("date");
        String flatBody = collapse(got.body());
        return new PageScore(
                id,
                ref.path("source").asText(""),
                ref.path("subset").asText(""),
                ExtractionMetrics.body(got.body(), body),
                ExtractionMetrics.shingles(got.body(), body, 1),
                title == null ? null : ExtractionMetrics.titleMatches(got.title(), title),
                author == null ? null : ExtractionMetrics.authorsMatch(got.authors(), author),
                wcxb && author == null && !got.authors().isEmpty(),
                date == null ? null : ExtractionMetrics.dateMatches(published, date),
                wcxb && date == null && published != null,
                found(ref.path("must_include"), flatBody),
                ref.path("must_include").size(),
                found(ref.path("must_exclude"), flatBody),
                ref.path("must_exclude").size(),
                nanos);
    }

    private static int found(JsonNode snippets, String text) {
        int n = 0;
        for (JsonNode s : snippets) {
            if (text.contains(collapse(s.asText("")))) {
                n++;
            }
        }
        return n;
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String textOrNull(JsonNode ref, String field) {
        JsonNode n = ref.get(field);
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }
}
