package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --features} of {@code lede index} and {@code reindex}, and the commands that need a feature. */
class IndexFeaturesCommandTest {
    private static final String BODY = "Dock workers at the northern port walked off the job on Monday after talks"
            + " over pay and night shifts broke down late on Sunday evening, and the union said its members would"
            + " stay out until the port authority returned to the table with a better offer.";

    @TempDir
    Path home;

    private Path feed;
    private String index;

    @BeforeEach
    void writeFeed() throws IOException {
        feed = home.resolve("feed.jsonl");
        Files.writeString(
                feed,
                "{\"id\": \"wire\", \"title\": \"Port workers strike over pay\", \"body\": \"" + BODY + "\"}\n"
                        + "{\"id\": \"copy\", \"title\": \"Dockers walk out\", \"body\": \"" + BODY + "\"}\n"
                        + "{\"id\": \"talks\", \"title\": \"Port pay talks stall\", \"body\": \"Talks between dock"
                        + " workers and the port authority stalled again.\"}\n",
                StandardCharsets.UTF_8);
        index = home.resolve("idx").toString();
    }

    private CliRun run(String... args) {
        return CliRun.of(home, args);
    }

    @Test
    void indexWithNone_searchesWithoutFolding_andStatsNamesTheFeatures() throws IOException {
        assertThat(run("index", feed.toString(), "--index", index, "--features", "none")
                        .code())
                .isZero();

        CliRun stats = run("stats", "--index", index);
        assertThat(stats.out()).contains("Schema version: 3\nFeatures:       none\n");
        CliRun json = run("stats", "--index", index, "--json");
        assertThat(new ObjectMapper().readTree(json.out()).get("features").isEmpty())
                .isTrue();

        // Folding is only the command line's default: without fingerprints both copies are hits,
        // and a note on stderr says why and how to fold them, unless folding was turned off.
        CliRun search = run("search", "port", "workers", "--index", index, "--json");
        assertThat(search.code()).isZero();
        assertThat(search.err())
                .isEqualTo("lede: near-duplicates are not folded: the index at " + index + " was built without"
                        + " duplicates (its features: none). Add it with 'lede reindex --index " + index
                        + " --features duplicates', or search with --no-collapse not to see this note.\n");
        assertThat(hitIds(search)).containsExactlyInAnyOrder("wire", "copy", "talks");
        CliRun unfolded = run("search", "port", "workers", "--index", index, "--no-collapse");
        assertThat(unfolded.code()).isZero();
        assertThat(unfolded.err()).isEmpty();
        assertThat(unfolded.out()).startsWith("3 results for port workers (");
        // A search that fails says what failed, without the note.
        CliRun malformed = run("search", "--strict", "port AND (\"", "--index", index);
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).startsWith("lede: ").doesNotContain("not folded");
    }

    @Test
    void withAllFeatures_copiesFold() throws IOException {
        assertThat(run("index", feed.toString(), "--index", index).code()).isZero();

        CliRun search = run("search", "port", "workers", "--index", index, "--json");
        assertThat(hitIds(search)).hasSize(2).contains("talks");
        assertThat(run("stats", "--index", index).out())
                .contains("Features:       spelling, title-suggestions, duplicates\n");
    }

    private static List<String> hitIds(CliRun search) throws IOException {
        List<String> ids = new ArrayList<>();
        new ObjectMapper()
                .readTree(search.out())
                .get("hits")
                .forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    @Test
    void commandsNeedingAMissingFeature_sayHowToAddIt() {
        run("index", feed.toString(), "--index", index, "--features", "spelling");

        CliRun suggest = run("suggest", "port", "--index", index);
        assertThat(suggest.code()).isEqualTo(2);
        assertThat(suggest.out()).isEmpty();
        assertThat(suggest.err())
                .isEqualTo("lede: the index at " + index + " was built without title-suggestions (its features:"
                        + " spelling), so it cannot suggest titles. Add it with 'lede reindex --index " + index
                        + " --features spelling,title-suggestions'.\n");

        CliRun folding = run("search", "port", "--collapse-at", "0.5", "--index", index);
        assertThat(folding.code()).isEqualTo(2);
        assertThat(folding.err())
                .isEqualTo("lede: the index at " + index + " was built without duplicates (its features:"
                        + " spelling), so it cannot fold near-duplicates. Add it with 'lede reindex --index " + index
                        + " --features spelling,duplicates'.\n");
        assertThat(run("search", "port", "--similar", "--index", index).code()).isEqualTo(2);

        CliRun reindex = run("reindex", "--index", index, "--features", "spelling,title-suggestions");
        assertThat(reindex.code()).isZero();
        assertThat(reindex.out()).endsWith("; features: spelling, title-suggestions.\n");
        CliRun after = run("suggest", "port", "--index", index);
        assertThat(after.code()).isZero();
        assertThat(after.out()).contains("[Port] workers strike over pay · wire\n", "[Port] pay talks stall · talks\n");
    }

    @Test
    void featuresForAnExistingIndex_differentFromItsOwn_isAUsageError() {
        run("index", feed.toString(), "--index", index, "--features", "none");

        CliRun again = run("index", feed.toString(), "--index", index, "--features", "all");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err())
                .isEqualTo("lede: " + index + " holds an index built with the features none; --features applies to"
                        + " a new index. Change them with 'lede reindex --index " + index
                        + " --features spelling,title-suggestions,duplicates'.\n");
        // The same features, or none given, ingest as usual.
        assertThat(run("index", feed.toString(), "--index", index, "--features", "NONE")
                        .code())
                .isZero();
        assertThat(run("index", feed.toString(), "--index", index).code()).isZero();
        assertThat(run("stats", "--index", index).out()).contains("Features:       none\n");
    }

    @Test
    void unknownFeature_isAUsageErrorNamingTheFeatures() {
        CliRun r = run("index", feed.toString(), "--index", index, "--features", "spelling,vectors");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("lede: --features: no index feature 'vectors'; the features are"
                        + " spelling,title-suggestions,duplicates\n");
        assertThat(Files.exists(Path.of(index))).isFalse();
        assertThat(run("reindex", "--index", index, "--features", "").code()).isEqualTo(2);
    }
}
