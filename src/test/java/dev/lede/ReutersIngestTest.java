package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.ingest.IngestProblem;
import dev.lede.ingest.IngestReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests Reuters-21578 from ../shared/data when it is there (as in CI), and checks the counts
 * against the file read independently here. Skips, saying why, when the data is absent.
 */
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

    @Test
    void ingest_reuters21578_indexesEveryRecordWithIdAndText(@TempDir Path tmp) throws IOException {
        Path shared = TestFiles.sharedData();
        Path file = shared == null ? null : shared.resolve("reuters21578/articles.jsonl");
        if (file == null || !Files.isRegularFile(file)) {
            String why =
                    "skipped: no Reuters-21578 data at " + (file == null ? "lede.shared.data (property unset)" : file);
            System.out.println("ReutersIngestTest " + why);
            Assumptions.abort(why);
        }
        Expected expected = count(file);
        // Reuters-21578 is a fixed distribution: 21,578 stories, one of which has neither title nor body.
        assertThat(expected).isEqualTo(new Expected(21_577, 1, 0, 21_577));

        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"))) {
            IngestReport report = index.ingest(file);
            System.out.println("ReutersIngestTest: " + report.added() + " added, " + report.skipped() + " skipped, "
                    + report.failed() + " failed in " + report.took().toMillis() + " ms");

            assertThat(report.added()).isEqualTo(expected.withText());
            assertThat(report.skipped()).isEqualTo(expected.withoutIdOrText());
            assertThat(report.failed()).isEqualTo(expected.malformed());
            assertThat(report.problems())
                    .filteredOn(p -> p.outcome() == IngestProblem.Outcome.SKIPPED)
                    .hasSize(expected.withoutIdOrText());
            assertThat(index.count()).isEqualTo(expected.distinctIds());
        }
    }
}
