package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.ingest.IngestProblem;
import dev.lede.ingest.IngestReport;
import dev.lede.query.Hit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's life: writing, upserts, visibility, durability, folders and their guards. */
class ArticleIndexTest {
    @TempDir
    Path tmp;

    private static Article article(String id, String title) {
        return Article.builder(id).title(title).body("Body of " + id + ".").build();
    }

    private void write(String relative, String text) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static List<String> ids(ArticleIndex index, String query) throws IOException {
        return index.search(query).hits().stream().map(Hit::id).toList();
    }

    // --- writing and upserts

    @Test
    void add_sameIdTwice_keepsOnlyTheLatest() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.add(article("a", "First version"));
            index.add(article("a", "Second version"));
            index.commit();

            assertThat(index.count()).isEqualTo(1);
            assertThat(index.search("version").hits())
                    .extracting(h -> h.article().title())
                    .containsExactly("Second version");
        }
    }

    @Test
    void add_beforeRefresh_isNotSearchable() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.add(article("a", "Pending"));

            assertThat(index.count()).isZero();
            index.refresh();
            assertThat(index.count()).isEqualTo(1);
        }
    }

    @Test
    void add_null_throwsNullPointer() {
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            assertThatThrownBy(() -> index.add(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("article");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void ingest_sameFolderTwice_leavesOneCopyOfEachArticle() throws IOException {
        write("in/a.txt", "Alpha headline\n\nAlpha body.");
        write("in/sub/b.txt", "Beta headline\n\nBeta body.");
        write("in/feed.jsonl", "{\"id\": \"j-1\", \"title\": \"Gamma\", \"body\": \"Gamma body.\"}\n");
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            IngestReport first = index.ingest(tmp.resolve("in"));
            IngestReport second = index.ingest(tmp.resolve("in"));

            assertThat(first.added()).isEqualTo(3);
            assertThat(second.added()).isZero();
            assertThat(second.unchanged()).isEqualTo(3);
            assertThat(second.files()).isZero(); // not read again
            assertThat(second.unchangedFiles()).isEqualTo(3);
            assertThat(index.count()).isEqualTo(3);
            assertThat(ids(index, "headline")).containsExactly("a.txt", "sub/b.txt");
        }
    }

    @Test
    void ingest_folder_idsArePathsRelativeToItWithSlashes() throws IOException {
        write("in/2025/01/story.txt", "Nested headline\n\nNested body.");
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.ingest(tmp.resolve("in"));

            assertThat(ids(index, "nested")).containsExactly("2025/01/story.txt");
        }
    }

    @Test
    void ingest_singleFile_idIsItsFileName() throws IOException {
        write("in/2025/01/story.txt", "Nested headline\n\nNested body.");
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.ingest(tmp.resolve("in/2025/01/story.txt"));

            assertThat(ids(index, "nested")).containsExactly("story.txt");
        }
    }

    @Test
    void ingest_sameFileThroughAnotherFolder_getsAnotherId_whichReplacesTheOldOne() throws IOException {
        write("in/2025/story.txt", "Nested headline\n\nNested body.");
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.ingest(tmp.resolve("in"));
            IngestReport second = index.ingest(tmp.resolve("in/2025"));

            assertThat(ids(index, "nested")).containsExactly("story.txt");
            assertThat(second.added()).isEqualTo(1);
            assertThat(second.deleted()).isEqualTo(1);
        }
    }

    @Test
    void ingest_jsonlWithBadLines_reportsThemAndIndexesTheRest() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            IngestReport report = index.ingest(TestFiles.resource("ingest/jsonl-problems"));

            assertThat(report.files()).isEqualTo(1);
            assertThat(report.added()).isEqualTo(5);
            assertThat(report.skipped()).isEqualTo(1);
            assertThat(report.failed()).isEqualTo(2);
            assertThat(report.clean()).isFalse();
            assertThat(report.problems())
                    .extracting(IngestProblem::toString)
                    .filteredOn(s -> !s.startsWith("mixed.jsonl:2: "))
                    .containsExactly(
                            "mixed.jsonl:5: published: not a date Lede can read: 'yesterday' (expected ISO-8601 such as"
                                    + " 2019-03-01 or 2019-03-01T09:30:00Z, or RFC 1123 such as Fri, 01 Mar 2019 09:30:00"
                                    + " GMT); indexed undated (warning)",
                            "mixed.jsonl:6: not a JSON object (failed)",
                            "mixed.jsonl:7: article 'empty' has neither a title nor a body (skipped)");
            assertThat(report.problems().get(0).toString())
                    .startsWith("mixed.jsonl:2: malformed JSON: ")
                    .endsWith(" (failed)");
            assertThat(index.count()).isEqualTo(5);
            assertThat(ids(index, "record")).containsExactlyInAnyOrder("ok-1", "ok-2");
        }
    }

    @Test
    void ingest_unsupportedFiles_areCountedAsIgnored() throws IOException {
        write("in/a.txt", "Alpha headline\n\nAlpha body.");
        write("in/notes.docx", "not an article format");
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            IngestReport report = index.ingest(tmp.resolve("in"));

            assertThat(report.files()).isEqualTo(1);
            assertThat(report.ignoredFiles()).isEqualTo(1);
            assertThat(report.clean()).isTrue();
        }
    }

    @Test
    void ingest_missingPath_throwsNoSuchFile() {
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            assertThatThrownBy(() -> index.ingest(tmp.resolve("missing")))
                    .isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining(tmp.resolve("missing").toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void search_hit_returnsEveryStoredValue() throws IOException {
        Article original = Article.builder("nyc-42")
                .title("Stored headline")
                .body("Stored body.")
                .url("https://example.com/42")
                .source("Example News")
                .authors("Jane Doe", "Bob Roe")
                .published(Published.parse("2025-02-01T09:30:00-05:00"))
                .topics("immigration", "politics")
                .language("en")
                .notice("Originally appeared on Example News.")
                .build();
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.add(original);
            index.commit();

            assertThat(index.search("stored").hits().get(0).article()).isEqualTo(original);
        }
    }

    @Test
    void search_concurrentWithWrites_neverFails() throws Exception {
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.add(article("seed", "Concurrent seed"));
            index.commit();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Integer>> searches = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    searches.add(pool.submit(() -> {
                        int found = 0;
                        for (int i = 0; i < 200; i++) {
                            found += index.search("concurrent").hits().isEmpty() ? 0 : 1;
                        }
                        return found;
                    }));
                }
                for (int i = 0; i < 200; i++) {
                    index.add(article("a-" + i, "Concurrent article " + i));
                    if (i % 20 == 0) {
                        index.refresh();
                    }
                }
                index.commit();
                for (var search : searches) {
                    assertThat(search.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(index.count()).isEqualTo(201);
        }
    }

    // --- on disk: durability, stats, read-only

    @Test
    void close_commits_andReopenSeesArticles() throws IOException {
        Path folder = tmp.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(folder)) {
            index.add(article("a", "Durable"));
        }
        try (ArticleIndex index = ArticleIndex.open(folder)) {
            assertThat(index.count()).isEqualTo(1);
            assertThat(ids(index, "durable")).containsExactly("a");
        }
    }

    @Test
    void stats_reportArticlesVersionAndLocation() throws IOException {
        Path folder = tmp.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(folder)) {
            index.add(article("a", "One"));
            index.add(article("b", "Two"));
            index.commit();

            IndexStats stats = index.stats();
            assertThat(stats.articles()).isEqualTo(2);
            assertThat(stats.schemaVersion()).isEqualTo(2);
            assertThat(stats.location()).isEqualTo(folder.toString());
            assertThat(stats.sizeBytes()).isPositive();
        }
        try (ArticleIndex memory = ArticleIndex.inMemory()) {
            assertThat(memory.stats().location()).isEqualTo("memory");
            assertThat(memory.stats().articles()).isZero();
        }
    }

    @Test
    void open_newFolder_createsAnIndexThatExists() throws IOException {
        Path folder = tmp.resolve("a/b/index");
        assertThat(ArticleIndex.exists(folder)).isFalse();

        try (ArticleIndex index = ArticleIndex.open(folder)) {
            assertThat(index.count()).isZero();
        }
        assertThat(ArticleIndex.exists(folder)).isTrue();
    }

    @Test
    void openReadOnly_rejectsWritesWithIllegalState() throws IOException {
        Path folder = tmp.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(folder)) {
            index.add(article("a", "Existing"));
        }
        try (ArticleIndex readOnly = ArticleIndex.openReadOnly(folder)) {
            String message = "index " + folder + " was opened read-only";
            assertThatThrownBy(() -> readOnly.add(article("b", "New")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(message);
            assertThatThrownBy(() -> readOnly.ingest(tmp))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(message);
            assertThatThrownBy(readOnly::commit)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(message);
            assertThat(ids(readOnly, "existing")).containsExactly("a");
        }
    }

    @Test
    void openReadOnly_whileWriterOpen_seesCommitsAfterRefresh() throws IOException {
        Path folder = tmp.resolve("index");
        try (ArticleIndex writer = ArticleIndex.open(folder)) {
            writer.add(article("a", "First"));
            writer.commit();
            try (ArticleIndex reader = ArticleIndex.openReadOnly(folder)) {
                writer.add(article("b", "Second"));
                writer.commit();
                assertThat(reader.count()).isEqualTo(1);

                reader.refresh();

                assertThat(reader.count()).isEqualTo(2);
            }
        }
    }

    @Test
    void openReadOnly_noIndex_throwsNoSuchFile() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));

        assertThatThrownBy(() -> ArticleIndex.openReadOnly(tmp.resolve("empty")))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> ArticleIndex.openReadOnly(tmp.resolve("missing")))
                .isInstanceOf(NoSuchFileException.class);
    }

    // --- guards

    @Test
    void open_secondWriterOnSameFolder_failsNamingTheFolder() throws IOException {
        Path folder = tmp.resolve("index");
        try (ArticleIndex first = ArticleIndex.open(folder)) {
            assertThatThrownBy(() -> ArticleIndex.open(folder))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(IncompatibleIndexException.class)
                    .hasMessageStartingWith("index " + folder + " is already open for writing by process "
                            + ProcessHandle.current().pid() + " (")
                    .hasMessageEndingWith("(one writer per index): close the other ArticleIndex or lede process first");
            first.add(article("a", "Still usable"));
            first.commit();
            assertThat(first.count()).isEqualTo(1);
        }
        try (ArticleIndex again = ArticleIndex.open(folder)) {
            assertThat(again.count()).isEqualTo(1);
        }
    }

    @Test
    void open_otherSchemaVersion_failsWithIncompatibleIndexAndLeavesItAlone() throws IOException {
        Path folder = tmp.resolve("old-index");
        try (Directory dir = FSDirectory.open(folder);
                IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new TextField("body", "written by another version", Field.Store.YES));
            w.addDocument(doc);
            w.setLiveCommitData(Map.of("lede.schema.version", "999").entrySet());
            w.commit();
        }
        String message = folder
                + " was built with Lede schema version 999; this Lede reads versions 2 and 3. Rebuild it from"
                + " its own stored articles with 'lede reindex --index " + folder + "' (or ArticleIndex.rebuild).";

        assertThatThrownBy(() -> ArticleIndex.open(folder))
                .isInstanceOf(IncompatibleIndexException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> ArticleIndex.openReadOnly(folder))
                .isInstanceOf(IncompatibleIndexException.class)
                .hasMessage(message);
        try (Directory dir = FSDirectory.open(folder)) {
            assertThat(SegmentInfos.readLatestCommit(dir).getUserData()).containsEntry("lede.schema.version", "999");
        }
    }

    @Test
    void open_luceneIndexWithoutVersion_failsWithIncompatibleIndex() throws IOException {
        Path folder = tmp.resolve("foreign-index");
        try (Directory dir = FSDirectory.open(folder);
                IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            w.addDocument(new Document());
            w.commit();
        }

        assertThatThrownBy(() -> ArticleIndex.open(folder))
                .isInstanceOf(IncompatibleIndexException.class)
                .hasMessage(folder + " holds a Lucene index that Lede did not build.");
    }

    @Test
    void open_folderWithOtherFiles_isRefusedAndLeftAlone() throws IOException {
        write("docs/notes.txt", "my notes");
        Path folder = tmp.resolve("docs");

        assertThatThrownBy(() -> ArticleIndex.open(folder))
                .isInstanceOf(IncompatibleIndexException.class)
                .hasMessage(
                        folder
                                + " is not a Lede index: the folder holds other files. Give an empty or new folder for the index.");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void ingest_binaryFilesWithTextExtensions_areSkippedWithAReason_andUtf16IsRead() throws IOException {
        Files.createDirectories(tmp.resolve("mixed"));
        Files.write(tmp.resolve("mixed/photo.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H'});
        Files.write(tmp.resolve("mixed/notes.md"), new byte[] {'#', ' ', 'x', 0, 1, 2});
        Files.write(
                tmp.resolve("mixed/utf16.txt"),
                ("\uFEFFWindows headline\n\nSaved as UTF-16 by an old editor.")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        Files.writeString(tmp.resolve("mixed/good.txt"), "Good headline\n\nGood body.");
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            IngestReport report = index.ingest(tmp.resolve("mixed"));

            assertThat(report.problems())
                    .extracting(IngestProblem::toString)
                    .containsExactly(
                            "notes.md: looks like a binary file (it holds NUL bytes), not text (skipped)",
                            "photo.txt: looks like a binary file (it holds NUL bytes), not text (skipped)");
            assertThat(report.added()).isEqualTo(2);
            assertThat(index.get("utf16.txt").orElseThrow().title()).isEqualTo("Windows headline");
        }
    }
}
