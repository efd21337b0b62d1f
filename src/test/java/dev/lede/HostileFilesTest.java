package dev.lede;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.lede.cli.CliEnvironment;
import dev.lede.cli.LedeCommand;
import dev.lede.ingest.IngestOptions;
import dev.lede.ingest.IngestProblem;
import dev.lede.ingest.IngestReport;
import dev.lede.query.Hit;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of hostile files beside good ones: binary files with text extensions, Windows-1252
 * text, a 50 MB article, truncated and deeply nested JSON, a JSONL file with a bad line in the
 * middle, empty files, symbolic link loops, a broken link, a 10 MB token. Every bad file is in the
 * report with its reason, everything else is indexed, and the CLI prints the problems without a
 * stack trace.
 */
class HostileFilesTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /**
     * Size of the large article: the requirement's 50 MB, about 15 s of the run on a busy 2-core
     * machine; {@code -Dlede.hostile.articleMB=5} for a quick local run.
     */
    private static final int BIG_BYTES = Integer.getInteger("lede.hostile.articleMB", 50) * 1024 * 1024;

    @TempDir
    Path tmp;

    /** Every article id the hostile folder should yield, the recovered ones included. */
    private static final Set<String> INDEXED = Set.of(
            "good.txt",
            "good.md",
            "json-1",
            "json-2",
            "line-1",
            "line-2",
            "feed-1",
            "feed-3",
            "sub/inner.txt",
            "cp1252.txt",
            "cp1252.md",
            "cp-json",
            "cp-line-1",
            "cp-line-2",
            "cp-line-3",
            "truncated-1",
            "big-token",
            "big.txt");

    /** The report for the hostile folder, in input (path) order. */
    private static final List<String> PROBLEMS = List.of(
            "big-token.json:1: a value of 40000 characters is stored whole but matched on its first 4096"
                    + " characters only (warning)",
            "binary.json: looks like a binary file (it holds NUL bytes), not text (skipped)",
            "binary.jsonl: looks like a binary file (it holds NUL bytes), not text (skipped)",
            "binary.md: looks like a binary file (it holds NUL bytes), not text (skipped)",
            "binary.txt: looks like a binary file (it holds NUL bytes), not text (skipped)",
            "cp1252.json: not valid UTF-8; read as Windows-1252 (warning)",
            "cp1252.jsonl:2: not valid UTF-8; read as Windows-1252 (warning)",
            "cp1252.md: not valid UTF-8; read as Windows-1252 (warning)",
            "cp1252.txt: not valid UTF-8; read as Windows-1252 (warning)",
            "empty.json: no text in the file (skipped)",
            "empty.jsonl: no text in the file (skipped)",
            "empty.md: no text in the file (skipped)",
            "empty.txt: no text in the file (skipped)",
            "feed.jsonl:2: malformed JSON: Unexpected end-of-input within/between Object entries (failed)",
            "gone.txt: a broken symbolic link: nothing-here.txt does not exist (failed)",
            "nested.json:1: malformed JSON, reading stopped here: Document nesting depth (65) exceeds the maximum"
                    + " allowed (64, from `StreamReadConstraints.getMaxNestingDepth()`) (failed)",
            "self.txt: a symbolic link loop: the link never leads to a file (failed)",
            "sub/up: a symbolic link to a folder that holds it (a loop); not followed (skipped)",
            "truncated.json:2: malformed JSON, reading stopped here: Unexpected end-of-input in field name (failed)");

    @Test
    void ingest_hostileFolder_reportsEveryBadFileAndIndexesEverythingElse() throws IOException {
        Path folder = hostileFolder(tmp.resolve("in"), BIG_BYTES);
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"))) {
            long start = System.nanoTime();
            IngestReport report = index.ingest(folder);
            long ingestMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(report.problems()).extracting(IngestProblem::toString).containsExactlyElementsOf(PROBLEMS);
            assertThat(ids(index, INDEXED)).containsExactlyInAnyOrderElementsOf(INDEXED);
            assertThat(counts(report))
                    .isEqualTo("files 25, added 18, updated 0, unchanged 0, skipped 9, failed 5, ignored 1");
            assertThat(index.get("cp1252.txt").orElseThrow().title()).isEqualTo("Café reopens");
            assertThat(index.get("cp1252.txt").orElseThrow().body())
                    .isEqualTo("“We are back,” said the owner—at last.");
            assertThat(index.get("cp1252.md").orElseThrow().body()).isEqualTo("The “old” mill—now a museum.");
            assertThat(index.get("cp-json").orElseThrow().title()).isEqualTo("“Quoted” headline");
            assertThat(index.get("cp-line-2").orElseThrow().title()).isEqualTo("“Second” line");
            assertThat(index.get("big-token").orElseThrow().body()).hasSize(10_000_000);

            BigArticleFigures big = bigArticle(index);
            System.out.printf(
                    Locale.ROOT,
                    "Hostile files: %d files, %d indexed articles, %d problems (%d skipped, %d failed, %d warnings);"
                            + " ingest %d ms; large article: %d chars, search+highlight %d ms, snippet %d chars,"
                            + " violations 0%n",
                    report.files(),
                    report.articles(),
                    report.problems().size(),
                    report.skipped(),
                    report.failed(),
                    report.problems().stream()
                            .filter(p -> p.outcome() == IngestProblem.Outcome.WARNING)
                            .count(),
                    ingestMs,
                    big.chars(),
                    big.searchMs(),
                    big.snippetChars());
        }
    }

    private static String counts(IngestReport r) {
        return String.format(
                Locale.ROOT,
                "files %d, added %d, updated %d, unchanged %d, skipped %d, failed %d, ignored %d",
                r.files(),
                r.added(),
                r.updated(),
                r.unchanged(),
                r.skipped(),
                r.failed(),
                r.ignoredFiles());
    }

    private record BigArticleFigures(int chars, long searchMs, int snippetChars) {}

    /**
     * The 50 MB article is searchable by its last word; highlighting reads the first 100,000
     * characters only, so the hit shows the article's lede, bounded like any snippet.
     */
    private static BigArticleFigures bigArticle(ArticleIndex index) throws IOException {
        long start = System.nanoTime();
        SearchResults results = index.search(SearchRequest.of("zebrafinch"));
        long searchMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(results.hits()).extracting(Hit::id).containsExactly("big.txt");
        Hit hit = results.hits().get(0);
        assertThat(hit.title().text()).isEqualTo("A very long article");
        assertThat(hit.snippets()).hasSize(1);
        assertThat(hit.snippets().get(0).marks()).isEmpty();
        assertThat(hit.snippets().get(0).text())
                .isEqualTo("Democratic mayor of New York City Eric Adams said he is working to change the city’s"
                        + " sanctuary laws to cooperate with federal authorities on the deportation of");
        assertThat(hit.article().body()).endsWith("the last word is zebrafinch.");
        return new BigArticleFigures(
                hit.article().body().length(),
                searchMs,
                hit.snippets().get(0).text().length());
    }

    @Test
    void ingest_unreadableFile_isReportedAsPermissionDenied() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        write(folder, "good.txt", "Good headline\n\nGood body.");
        Path locked = write(folder, "locked.txt", "Locked headline\n\nLocked body.");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as root: every file is readable");
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            IngestReport report = index.ingest(folder);

            assertThat(report.problems())
                    .extracting(IngestProblem::toString)
                    .containsExactly("locked.txt: cannot read the file: permission denied (failed)");
            assertThat(ids(index, Set.of("good.txt"))).containsExactly("good.txt");
        }
    }

    @Test
    void ingest_fileDeletedAfterListing_isReportedAsGone() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        write(folder, "a-first.txt", "First headline\n\nFirst body.");
        write(folder, "b-second.txt", "Second headline\n\nSecond body.");
        write(folder, "c-third.txt", "Third headline\n\nThird body.");
        write(folder, "d-vanishing.txt", "Vanishing headline\n\nVanishing body.");
        write(folder, "e-last.md", "# Last headline\n\nLast body.");
        // One indexing thread reads at most two files ahead: the fourth is not read yet when the
        // first is done.
        IngestOptions deleteAfterFirst = IngestOptions.defaults().threads(1).onProgress(p -> {
            if (p.filesDone() == 1) {
                delete(folder.resolve("d-vanishing.txt"));
            }
        });
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            IngestReport report = index.ingest(folder, deleteAfterFirst);

            assertThat(report.problems())
                    .extracting(IngestProblem::toString)
                    .containsExactly("d-vanishing.txt: cannot read the file: the file is gone (deleted or moved"
                            + " after the folder was listed) (failed)");
            assertThat(ids(index, Set.of("a-first.txt", "b-second.txt", "c-third.txt", "e-last.md")))
                    .containsExactlyInAnyOrder("a-first.txt", "b-second.txt", "c-third.txt", "e-last.md");
            assertThat(report.failed()).isEqualTo(1);
        }
    }

    @Test
    void cliIndex_hostileFolder_printsTheProblemsWithoutAStackTrace() throws IOException {
        Path folder = hostileFolder(tmp.resolve("in"), 64 * 1024); // the 50 MB case is covered above
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = LedeCommand.execute(
                new String[] {
                    "index", folder.toString(), "--index", tmp.resolve("index").toString()
                },
                new PrintWriter(out),
                new PrintWriter(err),
                new CliEnvironment(tmp, false, false));

        assertThat(code).isZero(); // indexed with problems: the problems are data, listed on stderr
        List<String> expected = new ArrayList<>();
        PROBLEMS.forEach(p -> expected.add("lede: " + p));
        assertThat(err.toString().lines()).containsExactlyElementsOf(expected);
        assertThat(out.toString())
                .matches("Indexed 18 articles from 25 files in [0-9.]+ s \\(18 added, 0 updated, 0 unchanged,"
                        + " 9 skipped, 5 failed, 1 file of other formats passed over\\)\\. .* holds 18 articles\\.\n");
        assertThat(out.toString() + err).doesNotContain("Exception", "at dev.lede", "at java.");
    }

    // --- the folder

    /** Builds the hostile folder under {@code folder}; the large article has about {@code bigBytes}. */
    static Path hostileFolder(Path folder, int bigBytes) throws IOException {
        Files.createDirectories(folder.resolve("sub"));
        goodFiles(folder);
        binaryFiles(folder);
        windows1252Files(folder);
        brokenJson(folder);
        for (String ext : new String[] {"txt", "md", "json", "jsonl"}) {
            Files.write(folder.resolve("empty." + ext), new byte[0]);
        }
        Files.createSymbolicLink(folder.resolve("self.txt"), Path.of("self.txt"));
        Files.createSymbolicLink(folder.resolve("gone.txt"), Path.of("nothing-here.txt"));
        Files.createSymbolicLink(folder.resolve("sub/up"), Path.of(".."));
        write(folder, "notes.docx", "not a format Lede reads");
        write(folder, "big.txt", bigArticle(bigBytes));
        write(
                folder,
                "big-token.json",
                "{\"id\": \"big-token\", \"title\": \"One long token\", \"body\": \"" + "a".repeat(10_000_000)
                        + "\", \"source\": \"" + "s".repeat(40_000) + "\"}");
        return folder;
    }

    private static void goodFiles(Path folder) throws IOException {
        write(folder, "good.txt", "Harbour reopens\n\nThe harbour reopened on Monday after the storms.");
        write(folder, "good.md", "---\ntitle: Council vote\n---\nThe council voted on the budget.");
        write(
                folder,
                "good.json",
                "[{\"id\": \"json-1\", \"title\": \"Rail strike\", \"body\": \"Trains stop.\"},"
                        + " {\"id\": \"json-2\", \"title\": \"Bus strike\", \"body\": \"Buses stop.\"}]");
        write(
                folder,
                "good.jsonl",
                "{\"id\": \"line-1\", \"title\": \"Bridge closed\"}\n{\"id\": \"line-2\", \"title\": \"Bridge"
                        + " open\"}\n");
        write(
                folder,
                "feed.jsonl",
                "{\"id\": \"feed-1\", \"title\": \"Before the bad line\"}\n{\"id\": \"feed-2\", \"title\": \n"
                        + "{\"id\": \"feed-3\", \"title\": \"After the bad line\"}\n");
        write(folder, "sub/inner.txt", "Inner headline\n\nA file in a subfolder.");
    }

    private static void binaryFiles(Path folder) throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 'x', '.', 't', 'x', 't'};
        Files.write(folder.resolve("binary.txt"), png);
        Files.write(folder.resolve("binary.md"), zip);
        Files.write(folder.resolve("binary.json"), png);
        Files.write(folder.resolve("binary.jsonl"), "{\"id\": \"nul\"}\0\0\0\n".getBytes(UTF_8));
    }

    private static void windows1252Files(Path folder) throws IOException {
        Files.write(
                folder.resolve("cp1252.txt"),
                "Café reopens\n\n“We are back,” said the owner—at last.".getBytes(WINDOWS_1252));
        Files.write(folder.resolve("cp1252.md"), "# Mill\n\nThe “old” mill—now a museum.".getBytes(WINDOWS_1252));
        Files.write(
                folder.resolve("cp1252.json"),
                "{\"id\": \"cp-json\", \"title\": \"“Quoted” headline\"}".getBytes(WINDOWS_1252));
        // One line in Windows-1252 between UTF-8 lines: only that line is decoded with the fallback.
        byte[] line1 = "{\"id\": \"cp-line-1\", \"title\": \"Première ligne\"}\n".getBytes(UTF_8);
        byte[] line2 = "{\"id\": \"cp-line-2\", \"title\": \"“Second” line\"}\r\n".getBytes(WINDOWS_1252);
        byte[] line3 = "{\"id\": \"cp-line-3\", \"title\": \"Troisième ligne\"}\n".getBytes(UTF_8);
        Files.write(folder.resolve("cp1252.jsonl"), concat(line1, line2, line3));
    }

    private static void brokenJson(Path folder) throws IOException {
        write(
                folder,
                "truncated.json",
                "[{\"id\": \"truncated-1\", \"title\": \"Complete record\"}, {\"id\": \"truncated-2\", \"ti");
        write(folder, "nested.json", "[".repeat(100_000) + "]".repeat(100_000));
    }

    /** The seed article's paragraphs repeated to about {@code bytes}, under a title, ending in a rare word. */
    private static String bigArticle(int bytes) {
        String seed = TestFiles.seedText();
        String paragraphs = seed.substring(seed.indexOf("\n\n") + 2).strip(); // without its notice
        StringBuilder text = new StringBuilder(bytes + paragraphs.length() + 64);
        text.append("A very long article\n\n");
        while (text.length() < bytes) {
            text.append(paragraphs).append("\n\n");
        }
        return text.append("After all that, the last word is zebrafinch.").toString();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static Path write(Path folder, String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, UTF_8);
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The ids in the index, of those expected or seen in the folder: get() finds each exactly. */
    private static List<String> ids(ArticleIndex index, Set<String> expected) throws IOException {
        assertThat(index.count()).isEqualTo(expected.size());
        List<String> found = new ArrayList<>();
        for (String id : expected) {
            if (index.get(id).isPresent()) {
                found.add(id);
            }
        }
        return found;
    }
}
