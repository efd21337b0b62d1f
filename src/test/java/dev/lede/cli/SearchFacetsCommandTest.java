package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search --facets}, "Did you mean" and {@code suggest}, human and JSON, on a small corpus written here. */
class SearchFacetsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private String out;
    private String err;
    private String index;

    @BeforeEach
    void indexCorpus() throws IOException {
        Path file = home.resolve("news.jsonl");
        Files.writeString(file, """
                {"id": "1", "title": "Sanctuary laws debated", "body": "The council debated sanctuary laws.", "source": "Wire", "published": "2024-01-05"}
                {"id": "2", "title": "Sanctuary city budget", "body": "A sanctuary city plans its budget.", "source": "wire", "published": "2024-02-01"}
                {"id": "3", "title": "Sanctuary cities sue", "body": "Two sanctuary cities went to court.", "source": "Daily", "published": "2024-02-09"}
                {"id": "4", "title": "Weather report", "body": "Rain all week.", "source": "Daily"}
                """);
        index = home.resolve("index").toString();
        assertThat(run("index", file.toString(), "--index", index)).isZero();
    }

    private int run(String... args) {
        CliRun r = CliRun.of(home, args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void facets_printOneLinePerDimension_withDrillSidewaysCounts() {
        assertThat(run(
                        "search",
                        "sanctuary",
                        "--index",
                        index,
                        "--source",
                        "daily",
                        "--facets",
                        "source,month,year",
                        "--facet-size",
                        "1"))
                .isZero();

        assertThat(out).startsWith("1 result for sanctuary (");
        assertThat(out).endsWith("""

                source: Wire 2 (+1 more)
                month: 2024-02 1
                year: 2024 1
                """);
    }

    @Test
    void facets_json_areAnObjectByDimension() throws IOException {
        assertThat(run("search", "sanctuary", "--index", index, "--facets", "source", "--json"))
                .isZero();

        JsonNode facets = JSON.readTree(out).get("facets");
        assertThat(facets.toString())
                .isEqualTo("{\"source\":{\"valueCount\":2,\"counts\":[{\"value\":\"Wire\",\"count\":2},"
                        + "{\"value\":\"Daily\",\"count\":1}]}}");
    }

    @Test
    void unknownFacet_isAUsageError() {
        assertThat(run("search", "sanctuary", "--index", index, "--facets", "colour"))
                .isEqualTo(2);
        assertThat(err).startsWith("lede: unknown facet 'colour': expected source, author, topic, year, month or day");
    }

    @Test
    void misspeltQuery_printsDidYouMean_andJsonCarriesIt() throws IOException {
        assertThat(run("search", "sanctuery lwas", "--index", index)).isZero();
        assertThat(out).startsWith("0 results for sanctuery lwas (").contains("\nDid you mean: sanctuary laws?\n");

        assertThat(run("search", "+Sanctuery -budget", "--index", index, "--json"))
                .isZero();
        assertThat(JSON.readTree(out).get("suggestion").asText()).isEqualTo("+Sanctuary -budget");
    }

    @Test
    void wellSpeltQuery_getsNoSuggestion() throws IOException {
        assertThat(run("search", "sanctuary", "--index", index, "--json")).isZero();
        assertThat(JSON.readTree(out).has("suggestion")).isFalse();
    }

    @Test
    void suggest_printsMarkedTitles_newestFirst_andJson() throws IOException {
        assertThat(run("suggest", "sanctuary", "ci", "--index", index)).isZero();
        assertThat(out).isEqualTo("""
                        [Sanctuary] [ci]ties sue \u00B7 2024-02-09 \u00B7 3
                        [Sanctuary] [ci]ty budget \u00B7 2024-02-01 \u00B7 2
                        """);

        assertThat(run("suggest", "deb", "-n", "1", "--index", index, "--json")).isZero();
        assertThat(JSON.readTree(out).toString())
                .isEqualTo("{\"suggestions\":[{\"id\":\"1\",\"title\":\"Sanctuary laws <mark>deb</mark>ated\","
                        + "\"published\":\"2024-01-05\"}]}");
    }

    @Test
    void suggest_badN_isAUsageError() {
        assertThat(run("suggest", "x", "-n", "0", "--index", index)).isEqualTo(2);
        assertThat(err).startsWith("lede: -n must be 1 to 100, not 0");
    }
}
