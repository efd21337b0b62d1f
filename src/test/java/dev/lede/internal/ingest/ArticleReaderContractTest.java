package dev.lede.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.TestFiles;
import dev.lede.article.Article;
import dev.lede.ingest.IngestProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every input format keeps, checked on small fixtures written for the project: ids,
 * titles, dates and bodies exactly as expected; a leading syndication notice kept out of title and
 * body; a BOM and CRLF line endings read as plain text; a missing file is an {@link IOException}.
 * Each format extends this class with its reader, its fixture folder and the articles the fixtures
 * hold.
 */
abstract class ArticleReaderContractTest {
    /** The seed article's syndication notice, which every format must move into {@code notice()}. */
    static final String SEED_NOTICE =
            "We support our Publishers and Content Creators. You can view this story on their website by"
                    + " CLICKING HERE.";

    /** The reader under test. */
    abstract ArticleReader reader();

    /** The file extension the reader handles, without the dot. */
    abstract String extension();

    /** The folder under src/test/resources holding the contract fixtures of this format. */
    abstract String fixtureFolder();

    /** Every article the fixtures hold, in input order (files by path, records by line). */
    abstract List<Article> expectedArticles();

    /** The id of the fixture article whose text starts with {@link #SEED_NOTICE}. */
    abstract String noticeArticleId();

    /** The id of the fixture article read from a file with a BOM and CRLF line endings. */
    abstract String windowsArticleId();

    /** What the reader gives for a folder: its articles and report. */
    record Read(List<Article> articles, ReportCollector report) {}

    Read readFolder(Path folder) throws IOException {
        List<Article> articles = new ArrayList<>();
        ReportCollector report = new ReportCollector();
        for (InputFile input : new Inputs().list(folder)) {
            if (input.name().endsWith("." + extension())) {
                report.fileRead();
                reader().read(input, articles::add, report);
            }
        }
        return new Read(articles, report);
    }

    /** What the reader gives for one file holding {@code bytes}. */
    Read readBytes(Path folder, byte[] bytes) throws IOException {
        Path file = Files.write(Files.createDirectories(folder).resolve("input." + extension()), bytes);
        List<Article> articles = new ArrayList<>();
        ReportCollector report = new ReportCollector();
        reader().read(new InputFile(file, file.getFileName().toString()), articles::add, report);
        return new Read(articles, report);
    }

    @Test
    void read_binaryFile_isSkippedWithAReason(@TempDir Path dir) throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Read read = readBytes(dir, png);

        assertThat(read.articles()).isEmpty();
        assertThat(read.report().problems())
                .extracting(IngestProblem::toString)
                .containsExactly(
                        "input." + extension() + ": looks like a binary file (it holds NUL bytes), not text (skipped)");
    }

    @Test
    void read_emptyFile_isSkippedWithAReason(@TempDir Path dir) throws IOException {
        Read read = readBytes(dir, new byte[0]);

        assertThat(read.articles()).isEmpty();
        assertThat(read.report().problems())
                .extracting(IngestProblem::toString)
                .containsExactly("input." + extension() + ": no text in the file (skipped)");
    }

    Read readFixtures() throws IOException {
        return readFolder(TestFiles.resource(fixtureFolder()));
    }

    Article fixture(String id) throws IOException {
        return readFixtures().articles().stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void read_contractFixtures_giveExactIdsTitlesDatesAndBodies() throws IOException {
        assertThat(readFixtures().articles()).containsExactlyElementsOf(expectedArticles());
    }

    @Test
    void read_contractFixtures_reportNoProblems() throws IOException {
        ReportCollector report = readFixtures().report();

        assertThat(report.problems()).isEmpty();
        assertThat(report.skipped()).isZero();
        assertThat(report.failed()).isZero();
    }

    @Test
    void read_seedNotice_goesToNoticeAndOutOfTitleAndBody() throws IOException {
        Article article = fixture(noticeArticleId());

        assertThat(article.notice()).isEqualTo(SEED_NOTICE);
        assertThat(article.title()).doesNotContain("CLICKING HERE").doesNotContain("Publishers");
        assertThat(article.body()).doesNotContain("CLICKING HERE").doesNotContain("Publishers");
    }

    @Test
    void read_bomAndCrlf_leaveNoTraceInTitleOrBody() throws IOException {
        Article article = fixture(windowsArticleId());

        assertThat(article.title())
                .doesNotContain("\uFEFF")
                .doesNotContain("\r")
                .doesNotContain("\n");
        assertThat(article.body()).doesNotContain("\uFEFF").doesNotContain("\r");
        assertThat(article.body())
                .isEqualTo("The mayor’s office said talks would resume on Monday.\n\nMore talks are planned.");
        assertThat(article.title()).isEqualTo("“Sanctuary” talks resume at City Hall");
    }

    @Test
    void read_twice_givesEqualArticles() throws IOException {
        assertThat(readFixtures().articles()).isEqualTo(readFixtures().articles());
    }

    @Test
    void read_missingFile_throwsIOException() {
        Path missing = TestFiles.resource(fixtureFolder()).resolve("no-such-file." + extension());

        assertThatThrownBy(() -> reader().read(
                                new InputFile(missing, "no-such-file." + extension()), a -> {}, new ReportCollector()))
                .isInstanceOf(IOException.class);
    }
}
