package dev.lede.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.ingest.IngestProblem;
import dev.lede.ingest.IngestProblem.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .json} files: one object, or an array of objects, streamed. The contract fixtures use the
 * field-name aliases (headline, content, guid, pubDate, ...) so that the array path maps every
 * group; the problem cases are written per test.
 */
class JsonArticleReaderTest extends ArticleReaderContractTest {
    @TempDir
    Path tmp;

    @Override
    ArticleReader reader() {
        return new JsonArticleReader();
    }

    @Override
    String extension() {
        return "json";
    }

    @Override
    String fixtureFolder() {
        return "ingest/json";
    }

    @Override
    String noticeArticleId() {
        return "js-002";
    }

    @Override
    String windowsArticleId() {
        return "win-json";
    }

    @Override
    List<Article> expectedArticles() {
        return List.of(
                Article.builder("js-001")
                        .title("Library extends weekend hours")
                        .body(
                                "The central library will open on Sundays from March.\n\nThe change costs $40,000 a year.")
                        .published(Published.parse("2025-02-20T10:00:00+01:00"))
                        .url("https://example.com/library")
                        .source("Example Gazette")
                        .authors("Ana Lima", "Tom Reed")
                        .topics("culture", "city")
                        .language("pt")
                        .build(),
                Article.builder("js-002")
                        .title("Ferry service resumes")
                        .body("The ferry to the island runs again from today.")
                        .notice(SEED_NOTICE)
                        .published(Published.parse("2025-02-20T08:15:00Z"))
                        .source("Example Gazette")
                        .topics("transport")
                        .build(),
                // No id in the record: <file>#<array position>.
                Article.builder("articles.json#3")
                        .title("The school board voted on Thursday to keep the old building open for another year")
                        .body("The school board voted on Thursday to keep the old building open for another year."
                                + " Repairs start in June.")
                        .extra("section", "Education")
                        .build(),
                Article.builder("js-single")
                        .title("Bridge closes for repairs")
                        .body("The north bridge closes on Monday for two weeks.")
                        .published(Published.parse("2025-03-01"))
                        .authors("Jane Doe")
                        .extra("desk", "metro")
                        .build(),
                Article.builder("win-json")
                        .title("“Sanctuary” talks resume at City Hall")
                        .body("The mayor’s office said talks would resume on Monday.\n\nMore talks are planned.")
                        .published(Published.parse("2025-03-03T08:00:00Z"))
                        .build());
    }

    private Read readText(String name, String json) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        List<Article> articles = new java.util.ArrayList<>();
        ReportCollector report = new ReportCollector();
        reader().read(new InputFile(file, name), articles::add, report);
        return new Read(articles, report);
    }

    @Test
    void read_arrayRecordsWithoutId_getFileNameAndArrayPosition() throws IOException {
        Read read = readText(
                "feed.json",
                "[{\"id\": \"given\", \"title\": \"Has an id\"},"
                        + " {\"title\": \"Second, no id\"},"
                        + " {\"id\": \"  \", \"title\": \"Third, blank id\"}]");

        assertThat(read.articles()).extracting(Article::id).containsExactly("given", "feed.json#2", "feed.json#3");
        assertThat(read.report().problems()).isEmpty();
    }

    @Test
    void read_singleObjectWithoutId_getsPositionOne() throws IOException {
        Read read = readText("one.json", "{\"title\": \"Alone\", \"body\": \"Just one.\"}");

        assertThat(read.articles())
                .containsExactly(Article.builder("one.json#1")
                        .title("Alone")
                        .body("Just one.")
                        .build());
        assertThat(read.report().problems()).isEmpty();
    }

    @Test
    void read_malformedElementMidArray_failsAtItsPositionAndKeepsEarlierRecords() throws IOException {
        Read read = readText(
                "broken.json",
                "[\n{\"id\": \"a\", \"title\": \"First\"},\n{\"id\": \"b\", \"title\": \"Second\"},\n"
                        + "{\"id\": \"c\", \"title\": },\n{\"id\": \"d\", \"title\": \"Fourth\"}\n]\n");

        assertThat(read.articles()).extracting(Article::id).containsExactly("a", "b");
        assertThat(read.report().failed()).isEqualTo(1);
        assertThat(read.report().problems()).hasSize(1);
        IngestProblem problem = read.report().problems().get(0);
        assertThat(problem.file()).isEqualTo("broken.json");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(problem.reason()).startsWith("malformed JSON, reading stopped here: Unexpected character ('}'");
    }

    @Test
    void read_nonObjectElement_failsAtItsPositionAndReadingGoesOn() throws IOException {
        Read read = readText(
                "mixed.json", "[{\"id\": \"a\", \"title\": \"First\"}, 42, {\"id\": \"c\", \"title\": \"Third\"}]");

        assertThat(read.articles()).extracting(Article::id).containsExactly("a", "c");
        assertThat(read.report().problems())
                .containsExactly(new IngestProblem("mixed.json", 2, Outcome.FAILED, "not a JSON object"));
    }

    @Test
    void read_recordWithoutTitleOrBody_isSkippedAtItsPosition() throws IOException {
        Read read =
                readText("skip.json", "[{\"id\": \"a\", \"title\": \"First\"}, {\"id\": \"empty\", \"body\": \" \"}]");

        assertThat(read.articles()).extracting(Article::id).containsExactly("a");
        assertThat(read.report().problems())
                .containsExactly(new IngestProblem(
                        "skip.json", 2, Outcome.SKIPPED, "article 'empty' has neither a title nor a body"));
    }

    @Test
    void read_topLevelScalar_failsTheFileWithoutArticles() throws IOException {
        Read read = readText("scalar.json", "\"just a string\"");

        assertThat(read.articles()).isEmpty();
        assertThat(read.report().problems())
                .containsExactly(new IngestProblem(
                        "scalar.json", 0, Outcome.FAILED, "expected a JSON object or an array of objects"));
    }

    @Test
    void read_emptyArray_givesNothingAndNoProblem() throws IOException {
        Read read = readText("empty.json", "[ ]");

        assertThat(read.articles()).isEmpty();
        assertThat(read.report().problems()).isEmpty();
    }

    @Test
    void read_unclosedArray_keepsRecordsReadAndFailsOnce() throws IOException {
        Read read = readText(
                "unclosed.json", "[{\"id\": \"a\", \"title\": \"First\"}, {\"id\": \"b\", \"title\": \"Second\"}\n");

        assertThat(read.articles()).extracting(Article::id).containsExactly("a", "b");
        assertThat(read.report().failed()).isEqualTo(1);
        assertThat(read.report().problems())
                .extracting(IngestProblem::file, IngestProblem::line, IngestProblem::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unclosed.json", 2, Outcome.FAILED));
        assertThat(read.report().problems().get(0).reason())
                .startsWith("malformed JSON, reading stopped here: Unexpected end-of-input");
    }

    @Test
    void read_contentAfterTopLevelObject_keepsTheObjectAndFailsTheRest() throws IOException {
        Read read =
                readText("two.json", "{\"id\": \"a\", \"title\": \"First\"}\n{\"id\": \"b\", \"title\": \"Second\"}\n");

        assertThat(read.articles()).extracting(Article::id).containsExactly("a");
        assertThat(read.report().problems())
                .containsExactly(new IngestProblem(
                        "two.json", 0, Outcome.FAILED, "content after the top-level object was not read"));
    }

    @Test
    void read_windows1252File_isDecodedWithAWarning() throws IOException {
        java.nio.charset.Charset windows1252 = java.nio.charset.Charset.forName("windows-1252");
        Read read = readBytes(
                tmp.resolve("cp"),
                "[{\"id\": \"a\", \"title\": \"“Quoted” caf\u00e9\"}, {\"id\": \"b\", \"title\": \"Plain\"}]"
                        .getBytes(windows1252));

        assertThat(read.articles()).extracting(Article::title).containsExactly("“Quoted” café", "Plain");
        assertThat(read.report().problems())
                .extracting(IngestProblem::toString)
                .containsExactly("input.json: not valid UTF-8; read as Windows-1252 (warning)");
    }
}
