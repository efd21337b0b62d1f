package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.ingest.IngestProblem;
import dev.lede.ingest.IngestReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests Reuters-21578 from ../shared/data when it is there (as in CI), and checks the counts
 * against the file read independently here; then re-ingests it (everything unchanged), and gets and
 * deletes its stories. The stories are ingested once for the class, and the tests run in order on
 * that index. Skips, saying why, when the data is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReutersIngestTest {

    /** What the JSONL file holds, counted without Lede's reader. */
    record Expected(int withText, int withoutIdOrText, int malformed, int distinctIds) {}

    static Expected count(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int withText = 0;
        int withoutIdOrText = 0;
        int malformed = 0;
        Set<String> ids = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record;
                try {
                    record = json.readTree(line);
                } catch (IOException e) {
                    malformed++;
                    continue;
                }
                if (!record.isObject()) {
                    malformed++;
                    continue;
                }
                String id = scalar(record, "id");
                boolean hasText = !scalar(record, "title").isBlank()
                        || !scalar(record, "body").isBlank();
                if (!id.isBlank() && hasText) {
                    withText++;
                    ids.add(id);
                } else {
                    withoutIdOrText++;
                }
            }
        }
        return new Expected(withText, withoutIdOrText, malformed, ids.size());
    }

    private static String scalar(JsonNode record, String field) {
        JsonNode node = record.get(field);
        return node == null || !node.isValueNode() || node.isNull() ? "" : node.asText();
    }

    private Path file;
    private Expected expected;
    private ArticleIndex index;
    private IngestReport first;

    @BeforeAll
    void ingestOnce(@TempDir Path tmp) throws IOException {
        Path shared = TestFiles.sharedData();
        file = shared == null ? null : shared.resolve("reuters21578/articles.jsonl");
        if (file == null || !Files.isRegularFile(file)) {
            String why =
                    "skipped: no Reuters-21578 data at " + (file == null ? "lede.shared.data (property unset)" : file);
            System.out.println("ReutersIngestTest " + why);
            Assumptions.abort(why);
        }
        expected = count(file);
        index = ArticleIndex.open(tmp.resolve("index"));
        first = index.ingest(file);
        System.out.println("ReutersIngestTest: first ingest: " + first.added() + " added, " + first.skipped()
                + " skipped, " + first.failed() + " failed in " + first.took().toMillis() + " ms");
    }

    @AfterAll
    void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    @Test
    @Order(1)
    void ingest_reuters21578_indexesEveryRecordWithIdAndText() throws IOException {
        // Reuters-21578 is a fixed distribution: 21,578 stories, one of which has neither title nor body.
        assertThat(expected).isEqualTo(new Expected(21_577, 1, 0, 21_577));

        assertThat(first.added()).isEqualTo(expected.withText());
        assertThat(first.skipped()).isEqualTo(expected.withoutIdOrText());
        assertThat(first.failed()).isEqualTo(expected.malformed());
        assertThat(first.problems())
                .filteredOn(p -> p.outcome() == IngestProblem.Outcome.SKIPPED)
                .hasSize(expected.withoutIdOrText());
        assertThat(index.count()).isEqualTo(expected.distinctIds());
    }

    @Test
    @Order(2)
    void ingest_reuters21578_reportsStory12793AsItsOnlyProblem() {
        assertThat(first.added()).isEqualTo(21_577);
        assertThat(first.updated()).isZero();
        assertThat(first.unchanged()).isZero();
        assertThat(first.files()).isEqualTo(1);
        assertThat(first.cancelled()).isFalse();
        assertThat(first.problems())
                .containsExactly(new IngestProblem(
                        "articles.jsonl",
                        12_793,
                        IngestProblem.Outcome.SKIPPED,
                        "article '12793' has neither a title nor a body"));
    }

    @Test
    @Order(3)
    void ingestAgain_reuters21578_isNotReadAgain_andReportsEveryArticleUnchanged() throws IOException {
        IngestReport again = index.ingest(file);
        // Timings are printed for the closing note, never asserted.
        System.out.println("ReutersIngestTest: first ingest " + first.took().toMillis() + " ms, re-ingest "
                + again.took().toMillis() + " ms");

        assertThat(again.files()).isZero();
        assertThat(again.unchangedFiles()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(21_577);
        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.skipped()).isZero(); // 12793 was reported when the file was read
        assertThat(again.failed()).isZero();
        assertThat(again.cancelled()).isFalse();
        assertThat(index.count()).isEqualTo(21_577);
    }

    @Test
    @Order(4)
    void get_reutersStory1_returnsItsStoredValues() throws IOException {
        Article story = index.get("1").orElseThrow();

        assertThat(story.title()).isEqualTo("BAHIA COCOA REVIEW");
        assertThat(story.published()).isEqualTo(Published.parse("1987-02-26T15:01:01Z"));
        assertThat(story.published().toString()).isEqualTo("1987-02-26T15:01:01Z");
        assertThat(story.source()).isEqualTo("Reuters");
        assertThat(story.topics()).containsExactly("cocoa");
        assertThat(story.body())
                .startsWith("Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought");
        assertThat(story.extra())
                .isEqualTo(Map.of(
                        "cgi_split", "TRAINING-SET",
                        "date_raw", "26-FEB-1987 15:01:01.79",
                        "dateline", "SALVADOR, Feb 26 -",
                        "file", "reut2-000.sgm",
                        "has_topics", "YES",
                        "lewis_split", "TRAIN",
                        "old_id", "5544",
                        "text_type", "NORM"));
        assertThat(index.get("12793")).isEmpty();
    }

    @Test
    @Order(5)
    void delete_reutersStory1_leaves21576AndAReIngestAddsItBack() throws IOException {
        assertThat(index.delete("1")).isTrue();
        index.refresh();

        assertThat(index.count()).isEqualTo(21_576);
        assertThat(index.get("1")).isEmpty();
        assertThat(index.delete("1")).isFalse();

        IngestReport restore = index.ingest(file);

        assertThat(restore.files()).isEqualTo(1); // read again: it holds an article the index lacks
        assertThat(restore.added()).isEqualTo(1);
        assertThat(restore.unchanged()).isEqualTo(21_576);
        assertThat(restore.updated()).isZero();
        assertThat(index.count()).isEqualTo(21_577);
        assertThat(index.get("1").orElseThrow().title()).isEqualTo("BAHIA COCOA REVIEW");
    }
}
