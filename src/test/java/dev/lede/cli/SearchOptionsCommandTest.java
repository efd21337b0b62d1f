package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search command's filters, sort, pages and cursors, on a copy of the shipped sample. */
class SearchOptionsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private String out;
    private String err;

    @BeforeEach
    void copySample() throws IOException {
        Path sample = Path.of(System.getProperty("lede.project.dir", ".")).resolve("index-data/articles");
        Path target = Files.createDirectories(home.resolve("index-data/articles"));
        Files.copy(sample.resolve("wikinews.jsonl"), target.resolve("wikinews.jsonl"));
        assertThat(run(
                        "index",
                        target.toString(),
                        "--index",
                        home.resolve("index-data/index").toString()))
                .isZero();
    }

    private int run(String... args) {
        CliRun r = CliRun.of(home, args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    private static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    @Test
    void filtersSortAndPages_selectExactlyTheExpectedArticles() throws IOException {
        String[] query = {"search", "election", "--source", "wikinews", "--since", "2020-11-01", "--sort", "newest"};

        assertThat(run(concat(query, "--limit", "2", "--json"))).isZero();
        JsonNode first = JSON.readTree(out);
        assertThat(ids(first)).containsExactly("wn-20201215-01", "wn-20201127-01");
        assertThat(first.get("total").asInt()).isEqualTo(7);
        assertThat(first.get("page").asInt()).isEqualTo(1);

        assertThat(run(concat(
                        query,
                        "--limit",
                        "2",
                        "--json",
                        "--after",
                        first.get("nextCursor").asText())))
                .isZero();
        JsonNode afterCursor = JSON.readTree(out);
        assertThat(ids(afterCursor)).containsExactly("wn-20201127-02", "wn-20201126-01");
        assertThat(afterCursor.has("page")).isFalse();

        assertThat(run(concat(query, "--limit", "2", "--page", "2", "--json"))).isZero();
        assertThat(ids(JSON.readTree(out))).containsExactly("wn-20201127-02", "wn-20201126-01");
    }

    @Test
    void humanOutput_numbersByPageAndPrintsTheNextCursor() {
        assertThat(run("search", "election", "--source", "wikinews", "--sort", "oldest", "--limit", "1", "--page", "3"))
                .isZero();
        assertThat(out).contains("\n\n3. ").containsPattern("\nNext page: --after [A-Za-z0-9_-]+\n$");
    }

    @Test
    void filtersWithoutQuery_listNewestFirst() throws IOException {
        assertThat(run("search", "--source", "Wikinews", "--until", "2019-01-05", "--json"))
                .isZero();
        assertThat(ids(JSON.readTree(out)))
                .containsExactly("wn-20190105-01", "wn-20190105-02", "wn-20190104-01", "wn-20190104-02");
    }

    @Test
    void sinceAfterUntil_isAUsageErrorNamingBoth() {
        assertThat(run("search", "x", "--since", "2020-02-01", "--until", "2020-01-01"))
                .isEqualTo(2);
        assertThat(err).isEqualTo("lede: --since (2020-02-01T00:00:00Z) is after --until (2020-01-01T23:59:59.999Z)\n");
    }

    @Test
    void badValues_areUsageErrorsSayingWhatIsExpected() {
        assertThat(run("search", "x", "--since", "last week")).isEqualTo(2);
        assertThat(err)
                .isEqualTo("lede: --since wants a date (2024-01-31), a date-time with offset (2024-01-31T09:00:00Z) or"
                        + " an age (7d, 24h, 2w), not 'last week'\n");
        assertThat(run("search", "x", "--after", "garbage")).isEqualTo(2);
        assertThat(err).isEqualTo("lede: 'garbage' is not a cursor from a previous page's nextCursor\n");
        assertThat(run("search", "x", "--extra", "section")).isEqualTo(2);
        assertThat(err).isEqualTo("lede: --extra wants NAME=VALUE, not 'section'\n");
        assertThat(run("search")).isEqualTo(2);
        assertThat(err).isEqualTo("lede: give a query, or a filter such as --source or --since\n");
        assertThat(run("search", "x", "--page", "0")).isEqualTo(2);
        assertThat(err).isEqualTo("lede: page must be 1 or more, not 0\n");
    }

    @Test
    void timeout_boundsTheSearch_andSaysWhenItStopped() throws IOException {
        // Fuzzy terms take far longer than a microsecond to expand, cold or warm.
        String fuzzy = String.join(" ", java.util.Collections.nCopies(5, "electon~2 goverment~2 presidnt~2"));

        assertThat(run("search", "--strict", "--timeout", "0.000001", "--json", fuzzy))
                .isZero();
        JsonNode stopped = JSON.readTree(out);
        assertThat(stopped.get("timedOut").asBoolean()).isTrue();
        assertThat(stopped.get("totalIsExact").asBoolean()).isFalse();
        assertThat(stopped.has("nextCursor")).isFalse();

        assertThat(run("search", "--strict", "--timeout", "0.000001", fuzzy)).isZero();
        assertThat(out)
                .contains("The search stopped at its time limit: these are the results found by then."
                        + " Give it longer with --timeout SECONDS, or narrow the query.");

        assertThat(run("search", "--strict", "--timeout", "0", "--json", fuzzy)).isZero();
        JsonNode whole = JSON.readTree(out);
        assertThat(whole.has("timedOut")).isFalse();
        assertThat(whole.get("total").asInt())
                .isGreaterThan(stopped.get("total").asInt());

        assertThat(run("search", "x", "--timeout", "-1")).isEqualTo(2);
        assertThat(err).isEqualTo("lede: --timeout must be 0 to 3600 seconds, not -1.0\n");
    }

    @Test
    void relativeAges_countBackFromNow() {
        Clock clock = Clock.fixed(Instant.parse("2024-03-10T12:00:00Z"), ZoneOffset.UTC);

        assertThat(SearchControls.instant("--since", "7d", clock, false))
                .isEqualTo(Instant.parse("2024-03-03T12:00:00Z"));
        assertThat(SearchControls.instant("--since", "24h", clock, false))
                .isEqualTo(Instant.parse("2024-03-09T12:00:00Z"));
        assertThat(SearchControls.instant("--since", "2W", clock, false))
                .isEqualTo(Instant.parse("2024-02-25T12:00:00Z"));
        assertThat(SearchControls.instant("--until", "2024-01-31", clock, true))
                .isEqualTo(Instant.parse("2024-01-31T23:59:59.999Z"));
        assertThat(SearchControls.instant("--since", "2024-01-31T09:00:00-05:00", clock, false))
                .isEqualTo(Instant.parse("2024-01-31T14:00:00Z"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
