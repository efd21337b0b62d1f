package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede get}, {@code delete}, {@code reindex} and the {@code index} progress line. */
class IndexManagementCommandTest {
    private static final String FULL_JSON = "{\"id\":\"full-1\",\"title\":\"Council approves harbor budget\","
            + "\"body\":\"The council voted 7-2 on Tuesday.\\n\\nThe plan takes effect in July.\","
            + "\"url\":\"https://example.com/full-1\",\"source\":\"Example News\","
            + "\"authors\":[\"Jane Doe\",\"Bob Roe\"],\"published\":\"2025-02-01T09:30:00-05:00\","
            + "\"topics\":[\"politics\",\"budget\"],\"language\":\"en\","
            + "\"notice\":\"Originally appeared on Example News.\","
            + "\"extra\":{\"section\":\"Metro\",\"tenant\":\"acme\"}}\n";

    @TempDir
    Path home;

    private Path in;
    private Path index;
    private String out;
    private String err;

    @BeforeEach
    void writeFeed() throws IOException {
        in = Files.createDirectories(home.resolve("in"));
        Files.writeString(
                in.resolve("feed.jsonl"),
                "{\"id\": \"full-1\", \"title\": \"Council approves harbor budget\", \"body\": \"Originally appeared on"
                        + " Example News.\\n\\nThe council voted 7-2 on Tuesday.\\n\\nThe plan takes effect in July.\","
                        + " \"url\": \"https://example.com/full-1\", \"source\": \"Example News\", \"authors\": [\"Jane"
                        + " Doe\", \"Bob Roe\"], \"published\": \"2025-02-01T09:30:00-05:00\", \"topics\":"
                        + " [\"politics\", \"budget\"], \"language\": \"en\", \"section\": \"Metro\", \"extra\":"
                        + " {\"tenant\": \"acme\"}}\n"
                        + "{\"id\": \"plain-2\", \"title\": \"Harbor reopens\", \"body\": \"The harbor reopened.\"}\n",
                StandardCharsets.UTF_8);
        index = home.resolve("idx");
    }

    private int run(boolean stderrIsTerminal, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = LedeCommand.execute(
                args, new PrintWriter(o), new PrintWriter(e), new CliEnvironment(home, false, stderrIsTerminal));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private int run(String... args) {
        return run(false, args);
    }

    private void indexFeed() {
        assertThat(run("index", in.toString(), "--index", index.toString())).isZero();
        assertThat(err).isEmpty();
    }

    // --- get

    @Test
    void get_json_printsEveryStoredValueExactly() {
        indexFeed();

        assertThat(run("get", "full-1", "--index", index.toString(), "--json")).isZero();

        assertThat(out).isEqualTo(FULL_JSON);
        assertThat(err).isEmpty();
    }

    @Test
    void get_json_leavesOutValuesTheArticleDoesNotHave() {
        indexFeed();

        assertThat(run("get", "plain-2", "--index", index.toString(), "--json")).isZero();

        assertThat(out)
                .isEqualTo("{\"id\":\"plain-2\",\"title\":\"Harbor reopens\",\"body\":\"The harbor reopened.\"}\n");
    }

    @Test
    void get_human_printsTitleBylineUrlAndParagraphs() {
        indexFeed();

        assertThat(run("get", "full-1", "--index", index.toString())).isZero();

        assertThat(out)
                .isEqualTo("Council approves harbor budget\n"
                        + "Example News \u00B7 2025-02-01T09:30:00-05:00 \u00B7 full-1\n"
                        + "https://example.com/full-1\n"
                        + "\n"
                        + "The council voted 7-2 on Tuesday.\n"
                        + "\n"
                        + "The plan takes effect in July.\n"
                        + "\n");
    }

    @Test
    void get_missingId_exitsOneNamingIt() {
        indexFeed();

        assertThat(run("get", "missing", "--index", index.toString())).isEqualTo(1);

        assertThat(out).isEmpty();
        assertThat(err).isEqualTo("lede: no article with id 'missing'\n");
    }

    @Test
    void get_noIndex_exitsOneSayingHowToBuildOne() {
        assertThat(run("get", "full-1", "--index", index.toString())).isEqualTo(1);

        assertThat(err)
                .isEqualTo("lede: no index at " + index + ": build one with 'lede index PATH --index " + index + "'\n");
        assertThat(Files.exists(index)).isFalse();
    }

    // --- delete

    @Test
    void delete_oneFoundOneMissing_deletesTheOneAndExitsOne() {
        indexFeed();

        assertThat(run("delete", "full-1", "missing", "--index", index.toString()))
                .isEqualTo(1);

        assertThat(out).isEqualTo("Deleted 1 of 2 articles.\n");
        assertThat(err).isEqualTo("lede: no article with id 'missing'\n");
        assertThat(run("get", "full-1", "--index", index.toString())).isEqualTo(1);
        assertThat(run("get", "plain-2", "--index", index.toString())).isZero();
    }

    @Test
    void delete_anIdGivenTwice_countsOnce() {
        indexFeed();

        assertThat(run("delete", "full-1", "full-1", "--index", index.toString()))
                .isZero();

        assertThat(out).isEqualTo("Deleted 1 of 1 articles.\n");
        assertThat(err).isEmpty();
    }

    @Test
    void delete_allFound_exitsZero() {
        indexFeed();

        assertThat(run("delete", "full-1", "plain-2", "--index", index.toString()))
                .isZero();

        assertThat(out).isEqualTo("Deleted 2 of 2 articles.\n");
        assertThat(err).isEmpty();
        assertThat(run("stats", "--index", index.toString(), "--json")).isZero();
        assertThat(out).startsWith("{\"articles\":0,");
    }

    @Test
    void delete_noIndex_exitsOneAndCreatesNothing() {
        assertThat(run("delete", "full-1", "--index", index.toString())).isEqualTo(1);

        assertThat(out).isEmpty();
        assertThat(err)
                .isEqualTo("lede: no index at " + index + ": build one with 'lede index PATH --index " + index + "'\n");
        assertThat(Files.exists(index)).isFalse();
    }

    // --- reindex

    @Test
    void reindex_printsFolderArticlesAndSeconds() {
        indexFeed();

        assertThat(run("reindex", "--index", index.toString())).isZero();

        assertThat(out)
                .matches("Rebuilt \\Q" + index + "\\E: 2 articles in [0-9]+\\.[0-9] s;"
                        + " features: spelling, title-suggestions, duplicates\\.\n");
        assertThat(err).isEmpty();
        assertThat(run("get", "full-1", "--index", index.toString(), "--json")).isZero();
        assertThat(out).isEqualTo(FULL_JSON);
    }

    @Test
    void reindex_olderSchemaVersion_makesTheIndexUsableAgain() throws IOException {
        indexFeed();
        try (Directory dir = FSDirectory.open(index);
                IndexWriter w = new IndexWriter(
                        dir,
                        new IndexWriterConfig(new StandardAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            w.setLiveCommitData(Map.of("lede.schema.version", "0").entrySet());
            w.commit();
        }

        assertThat(run("get", "full-1", "--index", index.toString(), "--json")).isEqualTo(1);
        assertThat(err)
                .isEqualTo("lede: " + index + " was built with Lede schema version 0; this Lede reads versions 2 and 3."
                        + " Rebuild it from its own stored articles with 'lede reindex --index " + index
                        + "' (or ArticleIndex.rebuild).\n");

        assertThat(run("reindex", "--index", index.toString())).isZero();
        assertThat(out)
                .matches("Rebuilt \\Q" + index + "\\E: 2 articles in [0-9]+\\.[0-9] s;"
                        + " features: spelling, title-suggestions, duplicates\\.\n");

        assertThat(run("get", "full-1", "--index", index.toString(), "--json")).isZero();
        assertThat(out).isEqualTo(FULL_JSON);
        try (var siblings = Files.list(home)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in", "idx");
        }
    }

    @Test
    void reindex_noIndex_exitsOneSayingHowToBuildOne() {
        assertThat(run("reindex", "--index", index.toString())).isEqualTo(1);

        assertThat(out).isEmpty();
        assertThat(err)
                .isEqualTo("lede: no index at " + index + ": build one with 'lede index PATH --index " + index + "'\n");
    }

    // --- index progress

    @Test
    void index_stderrATerminal_showsAProgressLineAndClearsIt() {
        assertThat(run(true, "index", in.toString(), "--index", index.toString()))
                .isZero();

        assertThat(err).startsWith("\rIndexing: ").endsWith("\r\u001B[K");
        assertThat(err)
                .matches("(?s).*\rIndexing: 2 articles \\(2 new, 0 updated, 0 unchanged\\), file 1 of 1, [0-9,]+/s"
                        + "\u001B\\[K\r\u001B\\[K");
        assertThat(err).doesNotContain("\n");
        assertThat(out)
                .matches("Indexed 2 articles from 1 file in [0-9.]+ s \\(2 added, 0 updated, 0 unchanged, 0 skipped,"
                        + " 0 failed\\)\\. \\Q" + index + "\\E holds 2 articles\\.\n");
    }

    @Test
    void index_again_progressLineCountsUnchanged() {
        indexFeed();

        assertThat(run(true, "index", in.toString(), "--index", index.toString()))
                .isZero();

        assertThat(err)
                .matches("(?s)\rIndexing: .*\rIndexing: 2 articles \\(0 new, 0 updated, 2 unchanged\\), file 1 of 1,"
                        + " [0-9,]+/s\u001B\\[K\r\u001B\\[K");
    }

    @Test
    void index_stderrNotATerminal_printsNoProgress() {
        assertThat(run(false, "index", in.toString(), "--index", index.toString()))
                .isZero();

        assertThat(err).isEmpty();
    }
}
