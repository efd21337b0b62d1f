package dev.lede.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede extract} and {@code lede extract-score} on pages written for the project. */
class ExtractCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private String out;
    private String err;

    private int run(String... args) {
        CliRun r = CliRun.of(home, args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    private static String page(String name) {
        return TestFiles.resource("html/" + name).toString();
    }

    @Test
    void extract_json_printsOneObjectPerFile() throws IOException {
        assertThat(run("extract", "--json", page("news-article.html"), page("blog-post.html")))
                .isZero();

        String[] lines = out.strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.get("file").asText()).isEqualTo(page("news-article.html"));
        assertThat(first.get("title").asText()).isEqualTo("Harbour Bridge Reopens After Repairs");
        assertThat(first.get("authors").toString()).isEqualTo("[\"Jane Doe\",\"Tom Roe\"]");
        assertThat(first.get("published").asText()).isEqualTo("2019-03-01T22:00:00-05:00");
        assertThat(first.get("url").asText()).isEqualTo("https://news.example.com/2019/03/harbour-bridge-reopens");
        assertThat(first.get("source").asText()).isEqualTo("Example Herald");
        assertThat(first.get("language").asText()).isEqualTo("en-US");
        assertThat(first.get("body").asText()).startsWith("The harbour bridge reopened");
        assertThat(JSON.readTree(lines[1]).get("title").asText()).isEqualTo("Notes From the Garden");
        assertThat(err).isEmpty();
    }

    @Test
    void extract_missingFile_isReportedAndTheOthersStillPrinted() {
        String missing = home.resolve("gone.html").toString();

        assertThat(run("extract", missing, page("blog-post.html"))).isEqualTo(1);

        assertThat(err).isEqualTo("lede: " + missing + ": no such file\n".replace("\n", System.lineSeparator()));
        assertThat(out)
                .contains("Title:     Notes From the Garden")
                .contains("Authors:   Alex Green")
                .contains("Published: 2021-06-15T07:30:00+02:00")
                .contains("June is when the garden");
    }

    @Test
    void extractScore_json_scoresAFolderOfPages() throws IOException {
        Path dir = home.resolve("set");
        Files.createDirectories(dir.resolve("html"));
        Files.copy(TestFiles.resource("html/blog-post.html"), dir.resolve("html/p1.html"));
        String truth =
                "{\"id\":\"p1\",\"source\":\"wcxb-dev\",\"subset\":\"blogs\",\"title\":\"Notes from the garden\","
                        + "\"author\":\"Alex Green\",\"date\":\"2021-06-16\",\"body\":\"June is when the garden stops asking"
                        + " for work and starts giving back\",\"must_include\":[\"the roses came early\"],"
                        + "\"must_exclude\":[\"Categories\"]}\n";
        Files.writeString(dir.resolve("truth.jsonl"), truth, UTF_8);

        assertThat(run("extract-score", dir.toString(), "--json")).isZero();

        JsonNode wcxb = JSON.readTree(out).get("bySource").get("wcxb-dev");
        assertThat(wcxb.get("pages").asInt()).isEqualTo(1);
        assertThat(wcxb.get("recall").asDouble()).isEqualTo(1.0);
        assertThat(wcxb.get("titleAccuracy").asDouble()).isEqualTo(1.0);
        assertThat(wcxb.get("authorAccuracy").asDouble()).isEqualTo(1.0);
        assertThat(wcxb.get("dateAccuracy").asDouble()).isEqualTo(0.0);
        assertThat(wcxb.get("snippetRecall").asDouble()).isEqualTo(1.0);
        assertThat(wcxb.get("leakage").asDouble()).isEqualTo(0.0);
    }

    @Test
    void extractScore_folderWithoutTruth_fails() {
        assertThat(run("extract-score", home.toString())).isEqualTo(1);
        assertThat(err).contains("truth.jsonl");
    }
}
