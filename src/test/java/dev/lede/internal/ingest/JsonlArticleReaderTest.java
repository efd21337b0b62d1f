package dev.lede.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.TestFiles;
import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.ingest.IngestProblem;
import dev.lede.ingest.IngestProblem.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlArticleReaderTest extends ArticleReaderContractTest {

    @Override
    ArticleReader reader() {
        return new JsonlArticleReader();
    }

    @Override
    String extension() {
        return "jsonl";
    }

    @Override
    String fixtureFolder() {
        return "ingest/jsonl";
    }

    @Override
    String noticeArticleId() {
        return "ex-2025-002";
    }

    @Override
    String windowsArticleId() {
        return "win-1";
    }

    @Override
    List<Article> expectedArticles() {
        return List.of(
                Article.builder("ex-2025-001")
                        .title("City council approves 2025 budget")
                        .body(
                                "The council voted 7-2 on Tuesday to approve the budget.\n\nThe plan takes effect in July.")
                        .published(Published.parse("2025-01-14"))
                        .url("https://example.com/budget")
                        .source("Example News")
                        .topics("politics", "budget")
                        .authors("Jane Doe")
                        .language("en")
                        .build(),
                Article.builder("ex-2025-002")
                        .title("Harbor reopens after storm")
                        .body("The harbor reopened on Friday after a week of repairs.")
                        .notice(SEED_NOTICE)
                        .published(Published.parse("2025-02-01T09:30:00-05:00"))
                        .source("Example News")
                        .topics("weather")
                        .build(),
                Article.builder("ex-2025-003")
                        .title(
                                "The mayor said on Monday that the city would hire 200 new teachers before the start of the school…")
                        .body(
                                "The mayor said on Monday that the city would hire 200 new teachers before the start of the school"
                                        + " year in September, officials said. The hiring plan costs $12 million.")
                        .build(),
                Article.builder("win-1")
                        .title("“Sanctuary” talks resume at City Hall")
                        .body("The mayor’s office said talks would resume on Monday.\n\nMore talks are planned.")
                        .published(Published.parse("2025-03-03T08:00:00Z"))
                        .build(),
                Article.builder("win-2")
                        .title("Second record")
                        .body("Text of the second record.")
                        .build());
    }

    @Test
    void read_offsetDateTime_isKeptAsGiven() throws IOException {
        assertThat(fixture("ex-2025-002").published().toString()).isEqualTo("2025-02-01T09:30:00-05:00");
        assertThat(fixture("ex-2025-001").published().toString()).isEqualTo("2025-01-14");
    }

    // --- problem records: mixed.jsonl holds good lines among bad ones

    private Read readMixed() throws IOException {
        return readFolder(TestFiles.resource("ingest/jsonl-problems"));
    }

    @Test
    void read_mixedFile_indexesEveryGoodRecord() throws IOException {
        assertThat(readMixed().articles())
                .containsExactly(
                        Article.builder("ok-1")
                                .title("First good record")
                                .body("Body one.")
                                .build(),
                        // A record without an id gets <file>#<line> (part 2).
                        Article.builder("mixed.jsonl#4")
                                .title("No id here")
                                .body("Body.")
                                .build(),
                        Article.builder("bad-date")
                                .title("Undated after all")
                                .body("Body.")
                                .build(),
                        Article.builder("42")
                                .title("Numeric id")
                                .topics("single-topic")
                                .authors("Solo Writer")
                                .build(),
                        Article.builder("ok-2")
                                .title("Last good record")
                                .body("Body two.")
                                .topics("a", "b")
                                .build());
    }

    @Test
    void read_malformedLine_isReportedFailedWithItsLineNumber() throws IOException {
        List<IngestProblem> failed = readMixed().report().problems().stream()
                .filter(p -> p.outcome() == Outcome.FAILED)
                .toList();

        assertThat(failed).extracting(IngestProblem::file).containsExactly("mixed.jsonl", "mixed.jsonl");
        assertThat(failed).extracting(IngestProblem::line).containsExactly(2, 6);
        assertThat(failed.get(0).reason()).startsWith("malformed JSON: ");
        assertThat(failed.get(1).reason()).isEqualTo("not a JSON object");
    }

    @Test
    void read_recordWithoutIdOrText_isReportedSkipped() throws IOException {
        List<IngestProblem> skipped = readMixed().report().problems().stream()
                .filter(p -> p.outcome() == Outcome.SKIPPED)
                .toList();

        assertThat(skipped)
                .containsExactly(new IngestProblem(
                        "mixed.jsonl", 7, Outcome.SKIPPED, "article 'empty' has neither a title nor a body"));
    }

    @Test
    void read_badPublished_givesWarningAndKeepsArticleUndated() throws IOException {
        Read read = readMixed();

        assertThat(read.report().problems().stream().filter(p -> p.outcome() == Outcome.WARNING))
                .containsExactly(new IngestProblem(
                        "mixed.jsonl",
                        5,
                        Outcome.WARNING,
                        "published: not a date Lede can read: 'yesterday' (expected ISO-8601 such as 2019-03-01 or"
                                + " 2019-03-01T09:30:00Z, or RFC 1123 such as Fri, 01 Mar 2019 09:30:00 GMT); indexed"
                                + " undated"));
        assertThat(read.articles().stream()
                        .filter(a -> a.id().equals("bad-date"))
                        .findFirst()
                        .orElseThrow()
                        .published())
                .isNull();
    }

    @Test
    void read_mixedFile_countsSkippedAndFailed() throws IOException {
        ReportCollector report = readMixed().report();

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.problems()).extracting(IngestProblem::line).containsExactly(2, 5, 6, 7);
    }

    @Test
    void read_topicsAsStringOrArray_giveLists() throws IOException {
        List<Article> articles = readMixed().articles();

        assertThat(articles.get(3).topics()).containsExactly("single-topic");
        assertThat(articles.get(4).topics()).containsExactly("a", "b");
    }

    @Test
    void read_twoObjectsOnOneLine_isReportedAsMalformed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("two.jsonl");
        Files.writeString(
                file,
                "{\"id\": \"first\", \"title\": \"First\"} {\"id\": \"second\", \"title\": \"Second\"}\n"
                        + "{\"id\": \"third\", \"title\": \"Third\"}\n",
                StandardCharsets.UTF_8);
        List<Article> out = new ArrayList<>();
        ReportCollector report = new ReportCollector();

        reader().read(new InputFile(file, "two.jsonl"), out::add, report);

        assertThat(out).extracting(Article::id).containsExactly("third");
        assertThat(report.problems())
                .extracting(IngestProblem::line, IngestProblem::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Outcome.FAILED));
    }

    @Test
    void read_nullAndContainerValues_areTreatedAsAbsentButNamedObjectsGiveTheirName(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("nulls.jsonl");
        Files.writeString(
                file,
                "{\"id\": \"n-1\", \"title\": \"Nulls\", \"body\": null, \"url\": null, \"source\": {\"name\": \"x\"},"
                        + " \"published\": null, \"topics\": null, \"authors\": [\"A\", null, 7]}\n",
                StandardCharsets.UTF_8);
        List<Article> out = new ArrayList<>();
        ReportCollector report = new ReportCollector();

        reader().read(new InputFile(file, "nulls.jsonl"), out::add, report);

        assertThat(out)
                .containsExactly(Article.builder("n-1")
                        .title("Nulls")
                        .source("x")
                        .authors("A", "7")
                        .build());
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void read_windows1252LineBetweenUtf8Lines_isDecodedWithAWarningAndTheOthersRead(@TempDir Path dir)
            throws IOException {
        java.nio.charset.Charset windows1252 = java.nio.charset.Charset.forName("windows-1252");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("{\"id\": \"a\", \"title\": \"Première\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"id\": \"b\", \"title\": \"“Second”\"}\r\n".getBytes(windows1252));
        bytes.writeBytes("{\"id\": \"c\", \"title\": \"Troisième\"}".getBytes(StandardCharsets.UTF_8));

        Read read = readBytes(dir, bytes.toByteArray());

        assertThat(read.articles()).extracting(Article::title).containsExactly("Première", "“Second”", "Troisième");
        assertThat(read.report().problems())
                .extracting(IngestProblem::toString)
                .containsExactly("input.jsonl:2: not valid UTF-8; read as Windows-1252 (warning)");
    }
}
