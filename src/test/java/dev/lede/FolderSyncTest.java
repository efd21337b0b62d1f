package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.article.Article;
import dev.lede.ingest.IngestReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingesting a folder again syncs the index with it: unchanged files are not read again, changed
 * files replace their articles, and the articles of files that are gone (or of records a file no
 * longer holds) are deleted; articles from the API or other folders are never touched.
 */
class FolderSyncTest {
    private static final IndexConfig MANUAL = IndexConfig.defaults().refreshInterval(Duration.ZERO);

    @TempDir
    Path tmp;

    private Path folder;

    @BeforeEach
    void files() throws IOException {
        folder = Files.createDirectories(tmp.resolve("articles"));
        write("a.txt", "Harbor council votes\n\nThe council voted on the harbor budget.\n");
        write("b.txt", "Storm closes schools\n\nA storm closed the schools on Monday.\n");
        write("feed.jsonl", """
                {"id": "j1", "title": "Court rules on river", "body": "The court ruled."}
                {"id": "j2", "title": "Market falls", "body": "The market fell."}
                {"id": "j3", "title": "Police report", "body": "The police reported."}
                """);
        write("sub/d.md", "# Election night\n\nVotes were counted.\n");
    }

    private void write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Moves a file's modification time, as an editor or a copy would. */
    private void touch(String name, int secondsLater) throws IOException {
        Path file = folder.resolve(name);
        Instant t = Files.getLastModifiedTime(file).toInstant().plusSeconds(secondsLater);
        Files.setLastModifiedTime(file, FileTime.from(t));
    }

    @Test
    void anUnchangedFolder_isNotReadAgain() throws IOException {
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"), MANUAL)) {
            IngestReport first = index.ingest(folder);
            IngestReport again = index.ingest(folder);

            assertThat(first.files()).isEqualTo(4);
            assertThat(first.added()).isEqualTo(6);
            assertThat(again.files()).isZero();
            assertThat(again.unchangedFiles()).isEqualTo(4);
            assertThat(again.unchanged()).isEqualTo(6);
            assertThat(again.added() + again.updated() + again.deleted()).isZero();
            assertThat(index.count()).isEqualTo(6);
        }
    }

    @Test
    void aTouchedFileWithTheSameBytes_isUnchanged_andItsNewTimeIsRecorded() throws IOException {
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"), MANUAL)) {
            index.ingest(folder);
            touch("a.txt", 60);

            IngestReport touched = index.ingest(folder);
            IngestReport after = index.ingest(folder);

            assertThat(touched.files()).isZero();
            assertThat(touched.unchangedFiles()).isEqualTo(4);
            assertThat(touched.unchanged()).isEqualTo(6);
            assertThat(after.unchangedFiles()).isEqualTo(4);
        }
    }

    @Test
    void changedFiles_areReadAgain_andRecordsTheyNoLongerHold_areDeleted() throws IOException {
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"), MANUAL)) {
            index.ingest(folder);
            write("b.txt", "Storm closes schools\n\nA storm closed the schools on Tuesday.\n");
            write("feed.jsonl", """
                    {"id": "j1", "title": "Court rules on river", "body": "The court ruled."}
                    {"id": "j3", "title": "Police report", "body": "The police reported twice."}
                    {"id": "j4", "title": "New bridge opens", "body": "A bridge opened."}
                    """);
            touch("b.txt", 60);
            touch("feed.jsonl", 60);

            IngestReport r = index.ingest(folder);

            assertThat(r.files()).isEqualTo(2);
            assertThat(r.unchangedFiles()).isEqualTo(2);
            assertThat(r.added()).isEqualTo(1); // j4
            assertThat(r.updated()).isEqualTo(2); // b.txt, j3
            assertThat(r.unchanged()).isEqualTo(3); // a.txt, sub/d.md (not read), j1 (read)
            assertThat(r.deleted()).isEqualTo(1); // j2
            assertThat(index.get("j2")).isEmpty();
            assertThat(index.get("j4")).isPresent();
            assertThat(index.get("b.txt").orElseThrow().body()).contains("Tuesday");
            assertThat(index.count()).isEqualTo(6);

            IngestReport again = index.ingest(folder);
            assertThat(again.files()).isZero();
            assertThat(again.unchanged()).isEqualTo(6);
        }
    }

    @Test
    void filesThatAreGone_takeTheirArticlesWithThem_butNothingElse() throws IOException {
        // A sibling whose name starts with the folder's: not under it.
        Path other = Files.createDirectories(tmp.resolve("articles-other"));
        Files.writeString(other.resolve("o.txt"), "Other folder story\n\nFrom elsewhere.\n");
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"), MANUAL)) {
            index.ingest(folder);
            index.ingest(other);
            index.add(Article.builder("api-1").title("From the application").build());
            index.commit();
            Files.delete(folder.resolve("sub/d.md"));
            Files.delete(folder.resolve("feed.jsonl"));

            IngestReport r = index.ingest(folder);

            assertThat(r.deleted()).isEqualTo(4);
            assertThat(r.unchangedFiles()).isEqualTo(2);
            assertThat(index.get("sub/d.md")).isEmpty();
            assertThat(index.get("j1")).isEmpty();
            assertThat(index.get("o.txt")).isPresent();
            assertThat(index.get("api-1")).isPresent();
            assertThat(index.count()).isEqualTo(4); // a.txt, b.txt, o.txt, api-1
        }
    }

    @Test
    void aFileThatFailsPartWay_keepsWhatItGaveBefore_andIsReadAgainNextTime() throws IOException {
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"), MANUAL)) {
            index.ingest(folder);
            write("feed.jsonl", """
                    {"id": "j1", "title": "Court rules on river", "body": "The court ruled."}
                    {"id": "j2", "title": "Market falls", "body": "The market fell."
                    """);
            touch("feed.jsonl", 60);

            IngestReport r = index.ingest(folder);
            IngestReport again = index.ingest(folder);

            assertThat(r.failed()).isEqualTo(1);
            assertThat(r.deleted()).isZero();
            assertThat(index.get("j3")).isPresent(); // not deleted on a bad read
            assertThat(again.files()).isEqualTo(1); // not recorded as read
        }
    }

    @Test
    void anIngestCutShortByACrash_readsItsUnfinishedFileAgain() throws IOException {
        // An ingest that committed part of a file and then died: its articles hold no file state.
        Path index = tmp.resolve("index");
        try (ArticleIndex first = ArticleIndex.open(index, MANUAL)) {
            IngestReport cut = first.ingest(
                    folder,
                    dev.lede.ingest.IngestOptions.defaults().cancelWhen(new java.util.function.BooleanSupplier() {
                        int asked;

                        @Override
                        public boolean getAsBoolean() {
                            return ++asked > 6; // stops inside feed.jsonl, after j1
                        }
                    }));
            assertThat(cut.cancelled()).isTrue();
        }
        try (ArticleIndex again = ArticleIndex.open(index, MANUAL)) {
            IngestReport r = again.ingest(folder);

            assertThat(again.count()).isEqualTo(6);
            assertThat(r.unchangedFiles()).isEqualTo(2); // a.txt, b.txt finished before the cut
            assertThat(r.files()).isEqualTo(2); // feed.jsonl read again, sub/d.md never read
        }
    }

    @Test
    void theSameFolderThroughAnotherPath_isTheSameFiles() throws IOException {
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"), MANUAL)) {
            index.ingest(folder);
            IngestReport r = index.ingest(tmp.resolve("articles/../articles"));

            assertThat(r.unchangedFiles()).isEqualTo(4);
            assertThat(r.deleted()).isZero();
        }
    }

    private void twoFilesWithOneId() throws IOException {
        write("news-1.jsonl", """
                {"id": "s1", "title": "Storm hits coast", "body": "The storm hit the coast, first report."}
                {"id": "n1", "title": "Only in the first", "body": "First file only."}
                """);
        write("news-2.jsonl", """
                {"id": "s1", "title": "Storm hits coast", "body": "The storm hit the coast, corrected report."}
                {"id": "n2", "title": "Only in the second", "body": "Second file only."}
                """);
    }

    private void threeFilesWithOneId() throws IOException {
        twoFilesWithOneId();
        write("news-3.jsonl", """
                {"id": "s1", "title": "Storm hits coast", "body": "The storm hit the coast, final report."}
                """);
    }

    private static String body(ArticleIndex index, String id) throws IOException {
        return index.get(id).map(Article::body).orElse("(none)");
    }

    @Test
    void anIdInTwoFiles_keepsTheLaterFilesVersion_andSyncingAgainChangesNothing() throws IOException {
        twoFilesWithOneId();
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"), MANUAL)) {
            IngestReport first = index.ingest(folder);
            IngestReport second = index.ingest(folder);
            IngestReport third = index.ingest(folder);

            assertThat(first.added()).isEqualTo(9);
            assertThat(first.updated()).isEqualTo(1); // the second file's s1 over the first's
            for (IngestReport again : java.util.List.of(second, third)) {
                // The first file is read again (the index holds one of its ids from the other
                // file) but writes nothing: the later file's version stays.
                assertThat(again.files()).isEqualTo(1);
                assertThat(again.unchangedFiles()).isEqualTo(5);
                assertThat(again.added() + again.updated() + again.deleted()).isZero();
                assertThat(again.unchanged()).isEqualTo(10);
            }
            assertThat(body(index, "s1")).isEqualTo("The storm hit the coast, corrected report.");
            assertThat(index.count()).isEqualTo(9);
        }
    }

    @Test
    void anIdInTwoFiles_whenOnlyTheEarlierFileChanges_theLaterFilesVersionStays() throws IOException {
        twoFilesWithOneId();
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"), MANUAL)) {
            index.ingest(folder);
            write("news-1.jsonl", """
                    {"id": "s1", "title": "Storm hits coast", "body": "The storm hit the coast, edited."}
                    {"id": "n1", "title": "Only in the first", "body": "First file only, edited."}
                    """);

            IngestReport r = index.ingest(folder);

            assertThat(r.updated()).isEqualTo(1); // n1
            assertThat(r.unchanged()).isEqualTo(9); // s1 from news-1 among them
            assertThat(body(index, "s1")).isEqualTo("The storm hit the coast, corrected report.");
            assertThat(body(index, "n1")).isEqualTo("First file only, edited.");
        }
    }

    @Test
    void anIdInTwoFiles_whenTheLaterFileIsGone_theEarlierFilesVersionComesBackInTheSameSync() throws IOException {
        twoFilesWithOneId();
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"), MANUAL)) {
            index.ingest(folder);
            Files.delete(folder.resolve("news-2.jsonl"));

            IngestReport r = index.ingest(folder);

            assertThat(r.updated()).isEqualTo(1);
            assertThat(r.deleted()).isEqualTo(1); // n2; s1 was replaced, not deleted
            assertThat(body(index, "s1")).isEqualTo("The storm hit the coast, first report.");
            assertThat(index.get("n2")).isEmpty();
            assertThat(index.count()).isEqualTo(8);
        }
    }

    @Test
    void anIdInTwoFiles_whenTheLaterFileDropsIt_theEarlierVersionComesBackInTheSameSync() throws IOException {
        twoFilesWithOneId();
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"), MANUAL)) {
            index.ingest(folder);
            write("news-2.jsonl", """
                    {"id": "n2", "title": "Only in the second", "body": "Second file only."}
                    """);

            IngestReport dropped = index.ingest(folder);
            IngestReport next = index.ingest(folder);

            // The first file left s1 to the second before the second was read; it is read again.
            assertThat(dropped.updated()).isEqualTo(1);
            assertThat(dropped.deleted()).isZero();
            assertThat(dropped.unchanged()).isEqualTo(8); // n1, n2 and the 6 articles of the files not read
            assertThat(body(index, "s1")).isEqualTo("The storm hit the coast, first report.");
            assertThat(index.count()).isEqualTo(9);
            assertThat(next.files()).isZero();
            assertThat(next.added() + next.updated() + next.deleted()).isZero();
        }
    }

    @Test
    void anIdInThreeFiles_whenTheMiddleOneDropsIt_theLastFilesVersionStays() throws IOException {
        threeFilesWithOneId();
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"), MANUAL)) {
            index.ingest(folder);
            write("news-3.jsonl", """
                    {"id": "s3", "title": "Another story", "body": "Something else."}
                    """);
            write("news-2.jsonl", """
                    {"id": "n2", "title": "Only in the second", "body": "Second file only."}
                    """);

            IngestReport r = index.ingest(folder);
            IngestReport again = index.ingest(folder);

            // Neither later file holds s1 now: the first file's version comes back.
            assertThat(body(index, "s1")).isEqualTo("The storm hit the coast, first report.");
            assertThat(r.added()).isEqualTo(1); // s3
            assertThat(r.updated()).isEqualTo(1); // s1
            assertThat(r.deleted()).isZero();
            assertThat(index.count()).isEqualTo(10);
            assertThat(again.added() + again.updated() + again.deleted()).isZero();
        }
    }

    @Test
    void anIdInThreeFiles_whenTheMiddleOneChanges_theLastFilesVersionStays() throws IOException {
        threeFilesWithOneId();
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"), MANUAL)) {
            index.ingest(folder);
            write("news-2.jsonl", """
                    {"id": "s1", "title": "Storm hits coast", "body": "The storm hit the coast, second edit."}
                    {"id": "n2", "title": "Only in the second", "body": "Second file only."}
                    """);

            IngestReport r = index.ingest(folder);
            IngestReport again = index.ingest(folder);

            assertThat(r.added() + r.updated() + r.deleted()).isZero();
            assertThat(again.added() + again.updated() + again.deleted()).isZero();
            assertThat(body(index, "s1")).isEqualTo("The storm hit the coast, final report.");
        }
    }

    @Test
    void theSameArticleInTwoFiles_isWrittenOnce_andBelongsToTheLaterFile() throws IOException {
        write("news-1.jsonl", """
                {"id": "s1", "title": "Storm hits coast", "body": "The same report."}
                """);
        write("news-2.jsonl", """
                {"id": "s1", "title": "Storm hits coast", "body": "The same report."}
                """);
        try (ArticleIndex index = ArticleIndex.open(tmp.resolve("index"), MANUAL)) {
            IngestReport first = index.ingest(folder);
            IngestReport second = index.ingest(folder);
            Files.delete(folder.resolve("news-1.jsonl"));
            IngestReport third = index.ingest(folder);

            assertThat(first.added()).isEqualTo(7);
            assertThat(first.unchanged()).isEqualTo(1);
            assertThat(second.added() + second.updated() + second.deleted()).isZero();
            // The later file holds it, so deleting the earlier one leaves it alone.
            assertThat(third.deleted()).isZero();
            assertThat(third.files()).isZero();
            assertThat(index.count()).isEqualTo(7);
        }
    }
}
