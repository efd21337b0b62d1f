package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede search} folding near-duplicates ("+N similar"), and {@code lede related}. */
class NearDuplicateCommandTest {
    private static final String PORT = "Dock workers at the northern port walked off the job on Monday after talks"
            + " over pay and night shifts broke down late on Sunday evening.\\n\\nThe union said about two thousand"
            + " members would stay out until the port authority returned to the table with a better offer on"
            + " overtime and safety equipment for the container cranes.\\n\\nShipping companies warned that dozens"
            + " of vessels could be diverted to other harbours within days, and retailers said shelves could run"
            + " short of fresh fruit before the weekend.";

    @TempDir
    Path home;

    private Path index;
    private String out;
    private String err;

    @BeforeEach
    void indexCopies() throws IOException {
        Path feed = home.resolve("feed.jsonl");
        Files.writeString(
                feed,
                line("port-wire", "Port workers strike over pay", PORT, "Wire", "2025-03-10")
                        + line(
                                "port-daily",
                                "Breaking: dockers walk out",
                                "You can view this story on their website by CLICKING HERE.\\n\\n" + PORT,
                                "Daily",
                                "2025-03-11")
                        + line(
                                "port-herald",
                                "Port strike: shelves may empty",
                                PORT.replace("two thousand", "2,000").replace("dozens of", "many"),
                                "Herald",
                                "2025-03-12")
                        + line(
                                "port-talks",
                                "Port pay talks stall",
                                "Talks between dock workers and the port authority over pay and night shifts stalled"
                                        + " again, and the union warned of a strike at the port.",
                                "Wire",
                                "2025-03-03"),
                StandardCharsets.UTF_8);
        index = home.resolve("idx");
        assertThat(run("index", feed.toString(), "--index", index.toString())).isZero();
    }

    private static String line(String id, String title, String body, String source, String date) {
        return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"body\": \"" + body + "\", \"source\": \""
                + source + "\", \"url\": \"https://" + source.toLowerCase() + ".example/" + id + "\", \"published\":"
                + " \"" + date + "\"}\n";
    }

    private int run(String... args) {
        CliRun r = CliRun.of(home, args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void search_foldsCopiesByDefault_sayingHowManyAndWhose() {
        assertThat(run("search", "port", "dockers", "--index", index.toString()))
                .isZero();

        assertThat(out).contains("\n1. Breaking: [dockers] walk out\n");
        assertThat(out).contains("   +2 similar: port-wire (Wire), port-herald (Herald)\n");
        assertThat(out).contains("\n2. [Port] pay talks stall\n");
        assertThat(out).doesNotContain("3. ");
    }

    @Test
    void search_noCollapse_showsEveryCopy() {
        assertThat(run("search", "port", "dockers", "--no-collapse", "--index", index.toString()))
                .isZero();

        assertThat(out).contains("\n4. ").doesNotContain("similar");
    }

    @Test
    void search_similar_listsEachCopyWithItsUrl() {
        assertThat(run("search", "port", "dockers", "--similar", "--index", index.toString()))
                .isZero();

        assertThat(out)
                .contains("   +2 similar:\n     port-wire (Wire) 1.00 https://wire.example/port-wire\n"
                        + "     port-herald (Herald) ");
        assertThat(out).contains(" https://herald.example/port-herald\n");
    }

    @Test
    void search_json_carriesTheSimilarList() throws IOException {
        assertThat(run("search", "port", "dockers", "--json", "--index", index.toString()))
                .isZero();

        JsonNode first = new ObjectMapper().readTree(out).get("hits").get(0);
        assertThat(first.get("id").asText()).isEqualTo("port-daily");
        JsonNode similar = first.get("similar");
        assertThat(similar).hasSize(2);
        assertThat(similar.get(0).get("id").asText()).isEqualTo("port-wire");
        assertThat(similar.get(0).get("source").asText()).isEqualTo("Wire");
        assertThat(similar.get(0).get("url").asText()).isEqualTo("https://wire.example/port-wire");
        assertThat(similar.get(0).get("similarity").asDouble()).isEqualTo(1.0);
        assertThat(similar.get(1).get("id").asText()).isEqualTo("port-herald");
    }

    @Test
    void search_collapseAtOutOfRange_isAUsageError() {
        assertThat(run("search", "port", "--collapse-at", "1.5", "--index", index.toString()))
                .isEqualTo(2);

        assertThat(err).startsWith("lede: --collapse-at must be above 0 and at most 1, not 1.5");
    }

    @Test
    void related_leavesOutTheArticleAndItsCopies() {
        assertThat(run("related", "port-daily", "--index", index.toString())).isZero();

        assertThat(out)
                .isEqualTo(
                        "1 related to port-daily\n\n1. Port pay talks stall\n   Wire · 2025-03-03 ·" + " port-talks\n");
    }

    @Test
    void related_before_json() throws IOException {
        assertThat(run("related", "port-talks", "--before", "--json", "--index", index.toString()))
                .isZero();

        assertThat(new ObjectMapper().readTree(out).get("related")).isEmpty();
    }

    @Test
    void related_unknownId_failsWithAMessage() {
        assertThat(run("related", "nope", "--index", index.toString())).isEqualTo(1);

        assertThat(err).isEqualTo("lede: no article with id 'nope'\n");
        assertThat(out).isEmpty();
    }
}
