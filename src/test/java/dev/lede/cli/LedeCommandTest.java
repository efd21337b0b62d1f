package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI through its exit codes and captured output, on a copy of the shipped sample. */
class LedeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private String out;
    private String err;

    @BeforeEach
    void copySample() throws IOException {
        Path sample = Path.of(System.getProperty("lede.project.dir", ".")).resolve("index-data/articles");
        Path target = Files.createDirectories(home.resolve("index-data/articles"));
        for (String name : new String[] {"adams-sanctuary-laws.txt", "wikinews.jsonl"}) {
            Files.copy(sample.resolve(name), target.resolve(name));
        }
    }

    private int run(boolean terminal, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = LedeCommand.execute(
                args, new PrintWriter(o), new PrintWriter(e), new CliEnvironment(home, terminal, false));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private int run(String... args) {
        return run(false, args);
    }

    @Test
    void search_onFreshHome_indexesSampleFirstAndRanksSeedFirst() throws IOException {
        assertThat(run("search", "sanctuary laws", "--json")).isZero();

        assertThat(err)
                .isEqualTo("lede: no index at " + home.resolve("index-data/index") + " yet; indexing the sample in "
                        + home.resolve("index-data/articles") + " first (once).\n"
                        + "lede: Indexed 292 articles from 2 files in "
                        + err.replaceAll("(?s).* in ([0-9.]+ s) .*", "$1")
                        + " (292 added, 0 updated, 0 unchanged, 0 skipped, 0 failed). "
                        + home.resolve("index-data/index")
                        + " holds 292 articles.\n");
        JsonNode results = JSON.readTree(out);
        assertThat(results.get("total").asLong()).isEqualTo(58);
        assertThat(results.get("totalIsExact").asBoolean()).isTrue();
        JsonNode first = results.get("hits").get(0);
        assertThat(first.get("id").asText()).isEqualTo("adams-sanctuary-laws.txt");
        assertThat(first.get("title").asText())
                .isEqualTo("Democratic mayor of New York City Eric Adams said he is working to change the city’s"
                        + " <mark>sanctuary</mark> <mark>laws</mark>…");
        assertThat(first.has("published")).isFalse();
        assertThat(first.get("snippets")).hasSize(3);
        assertThat(first.get("snippets").get(1).asText())
                .isEqualTo("points for deportation. But Adams cannot grant the request due to the city’s"
                        + " <mark>sanctuary</mark> <mark>laws</mark>, which prohibit cooperation with the federal"
                        + " government on immigration");
    }

    @Test
    void search_curlyQuotedPhrase_marksPhraseAsOneUnit() throws IOException {
        assertThat(run("search", "“sanctuary laws”", "--json")).isZero();

        JsonNode hits = JSON.readTree(out).get("hits");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("snippets").get(0).asText())
                .contains("city’s <mark>sanctuary laws</mark> to cooperate");
    }

    @Test
    void search_humanOutput_bracketsMarksOffTerminalAndBoldsThemOnOne() {
        assertThat(run("search", "Homan", "--limit", "1")).isZero();
        assertThat(out).startsWith("1 result for Homan (");
        assertThat(out)
                .contains(
                        "\n\n1. Democratic mayor of New York City Eric Adams said he is working to change the city’s sanctuary laws…\n"
                                + "   adams-sanctuary-laws.txt\n"
                                + "   … illegal immigrants. Mayor Adams recently met with Trump’s border czar, Tom [Homan], to work on a plan to");

        assertThat(run(true, "search", "Homan", "--limit", "1")).isZero();
        assertThat(out).contains("Tom \u001B[1mHoman\u001B[22m, to work");
    }

    @Test
    void search_articleTextWithEscapeSequences_neverReachesTheTerminal() throws IOException {
        Path evil = home.resolve("evil");
        Files.createDirectories(evil);
        Files.writeString(
                evil.resolve("a.txt"),
                "Evil title\u001B]0;pwned\u0007\n\nThe \u001B[31mred\u001B[0m zebra text\u202E here.",
                StandardCharsets.UTF_8);
        Path index = home.resolve("evil-index");
        assertThat(run("index", evil.toString(), "--index", index.toString())).isZero();

        assertThat(run(true, "search", "zebra", "--index", index.toString())).isZero();
        assertThat(out.replace("\u001B[1m", "").replace("\u001B[22m", "")).doesNotContain("\u001B", "\u0007", "\u202E");
        assertThat(out)
                .contains("1. Evil title]0;pwned\n")
                .contains("The [31mred[0m \u001B[1mzebra\u001B[22m text here.");
    }

    @Test
    void search_strictSyntaxError_exitsTwoNamingThePosition() {
        assertThat(run("search", "adams")).isZero(); // builds the default index first
        assertThat(run("search", "--strict", "adams AND (\"")).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err)
                .isEqualTo("lede: query syntax error at position 12: the query ends too early (an unclosed quote?)\n"
                        + "  adams AND (\"\n"
                        + "              ^ (drop --strict to search these words as they are)\n");
        assertThat(err).doesNotContain("Exception", "\tat ");
    }

    @Test
    void search_lenientSyntax_neverFailsOnTheSameText() throws IOException {
        assertThat(run("search", "adams AND (\"", "--json")).isZero();
        assertThat(JSON.readTree(out).get("hits").get(0).get("id").asText()).isEqualTo("adams-sanctuary-laws.txt");
    }

    @Test
    void search_noHits_exitsZero() {
        assertThat(run("search", "xyzzyplugh")).isZero();
        assertThat(out).startsWith("0 results for xyzzyplugh (");
    }

    @Test
    void search_optionLikeWord_isReadAsQueryText() throws IOException {
        assertThat(run("search", "sanctuary", "-Chicago", "--json")).isZero();
        JsonNode hits = JSON.readTree(out).get("hits");
        for (JsonNode hit : hits) {
            assertThat(hit.get("id").asText()).isNotEqualTo("adams-sanctuary-laws.txt");
        }
    }

    @Test
    void search_badLimit_isAUsageError() {
        assertThat(run("search", "x", "--limit", "0")).isEqualTo(2);
        assertThat(err).isEqualTo("lede: --limit must be 1 to 10000, not 0\n");
    }

    @Test
    void search_missingIndexGiven_failsWithWhatToDo() {
        Path missing = home.resolve("nowhere");
        assertThat(run("search", "x", "--index", missing.toString())).isEqualTo(1);
        assertThat(err)
                .isEqualTo("lede: no index at " + missing + ": build one with 'lede index PATH --index " + missing
                        + "'\n");
    }

    @Test
    void unknownOption_isAUsageErrorOnOneLine() {
        assertThat(run("stats", "--bogus")).isEqualTo(2);
        assertThat(err).isEqualTo("lede: Unknown option: '--bogus'\nTry 'lede stats --help'.\n");
    }

    @Test
    void index_missingPath_isAUsageError() {
        assertThat(run("index", home.resolve("nope").toString())).isEqualTo(2);
        assertThat(err).isEqualTo("lede: no such file or folder: " + home.resolve("nope") + "\n");
    }

    @Test
    void index_json_reportsEveryProblemAndStatsCountsArticles() throws IOException {
        Path in = Files.createDirectories(home.resolve("in"));
        Files.writeString(
                in.resolve("a.jsonl"),
                "{\"id\":\"1\",\"title\":\"One\"}\nnot json\n{\"title\":\"no id\"}\n{\"id\":\"e\"}\n");
        Files.writeString(in.resolve("notes.docx"), "not a supported format");
        Path index = home.resolve("idx");

        assertThat(run("index", in.toString(), "--index", index.toString(), "--json"))
                .isZero();
        JsonNode report = JSON.readTree(out);
        assertThat(report.get("files").asInt()).isEqualTo(1);
        assertThat(report.get("added").asInt()).isEqualTo(2);
        assertThat(report.get("updated").asInt()).isZero();
        assertThat(report.get("unchanged").asInt()).isZero();
        assertThat(report.get("skipped").asInt()).isEqualTo(1);
        assertThat(report.get("failed").asInt()).isEqualTo(1);
        assertThat(report.get("ignoredFiles").asInt()).isEqualTo(1);
        assertThat(report.get("articles").asInt()).isEqualTo(2);
        assertThat(report.get("problems").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(report.get("problems").get(0).get("outcome").asText()).isEqualTo("failed");
        assertThat(report.get("problems").get(1).get("reason").asText())
                .isEqualTo("article 'e' has neither a title nor a body");

        assertThat(run("index", in.toString(), "--index", index.toString(), "--json"))
                .isZero();
        assertThat(JSON.readTree(out).get("unchanged").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(out).get("added").asInt()).isZero();

        assertThat(run("get", "a.jsonl#3", "--index", index.toString(), "--json"))
                .isZero();
        assertThat(out).isEqualTo("{\"id\":\"a.jsonl#3\",\"title\":\"no id\",\"body\":\"\"}\n");

        assertThat(run("stats", "--index", index.toString(), "--json")).isZero();
        JsonNode stats = JSON.readTree(out);
        assertThat(stats.get("articles").asInt()).isEqualTo(2);
        assertThat(stats.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(stats.get("segments").asInt()).isEqualTo(1);
        assertThat(stats.get("sizeBytes").asLong()).isPositive();
    }

    @Test
    void index_human_printsProblemsOnStderrAndSummaryOnStdout() throws IOException {
        Path in = Files.createDirectories(home.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), "{\"id\":\"1\",\"title\":\"One\"}\n[1,2]\n");
        Path index = home.resolve("idx");

        assertThat(run("index", in.toString(), "--index", index.toString())).isZero();
        assertThat(err).isEqualTo("lede: a.jsonl:2: not a JSON object (failed)\n");
        assertThat(out)
                .matches(
                        "Indexed 1 article from 1 file in [0-9.]+ s \\(1 added, 0 updated, 0 unchanged, 0 skipped, 1 failed\\)\\. .* holds 1 article\\.\n");
    }

    @Test
    void version_printsTheVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out).startsWith("lede 0.1.0-SNAPSHOT\nJava ");
    }

    @Test
    void help_worksOnEverySubcommand() {
        for (String command : new String[] {"index", "search", "get", "delete", "stats", "reindex", "eval"}) {
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(out).as(command).startsWith("Usage: lede " + command);
        }
    }

    @Test
    void misspelledOptions_areUsageErrors_notQueryWordsOrPaths() {
        assertThat(run("search", "election", "--sorce", "wikinews")).isEqualTo(2);
        assertThat(err).isEqualTo("lede: unknown option: '--sorce' (put -- before query words that start with --)\n");
        assertThat(run("index", "--bogus", "x")).isEqualTo(2);
        assertThat(err).startsWith("lede: Unknown option: '--bogus'");
    }

    @Test
    void fileInTheWayOfTheIndexFolder_saysWhatIsWrongInWords() throws IOException {
        Path file = Files.writeString(home.resolve("not-a-folder.jsonl"), "{}");
        assertThat(run("index", home.resolve("index-data/articles").toString(), "--index", file.toString()))
                .isEqualTo(1);
        assertThat(err).isEqualTo("lede: " + file + ": already exists (a file is in the way of a folder?)\n");
    }
}
