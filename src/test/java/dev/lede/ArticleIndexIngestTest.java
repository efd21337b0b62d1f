package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.ingest.IngestOptions;
import dev.lede.ingest.IngestProgress;
import dev.lede.ingest.IngestReport;
import dev.lede.query.Hit;
import dev.lede.query.SearchRequest;
import dev.lede.query.Syntax;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests and the index's management: upserts and unchanged detection, the report, get and delete,
 * refresh visibility, extra fields, progress, cancellation and rebuilding an older index.
 */
class ArticleIndexIngestTest {
    /** Automatic refresh off: only refresh() and commits make changes searchable. */
    private static final IndexConfig MANUAL_REFRESH = IndexConfig.defaults().refreshInterval(Duration.ZERO);

    @TempDir
    Path tmp;

    private static Article article(String id, String title) {
        return Article.builder(id).title(title).body("Body of " + id + ".").build();
    }

    /** Every field set, extra values, notice and an offset date-time included. */
    private static Article full(String id) {
        return Article.builder(id)
                .title("Council approves harbor budget")
                .body("The council voted 7-2 on Tuesday.\n\nThe plan takes effect in July.")
                .url("https://example.com/" + id)
                .source("Example News")
                .authors("Jane Doe", "Bob Roe")
                .published(Published.parse("2025-02-01T09:30:00-05:00"))
                .topics("politics", "budget")
                .language("en")
                .notice("Originally appeared on Example News.")
                .extra("section", "Metro")
                .extra("tenant", "acme")
                .build();
    }

    private static String line(String id, String title, String body) {
        return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"body\": \"" + body + "\"}\n";
    }

    private Path writeFeed(String... lines) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(folder.resolve("feed.jsonl"), String.join("", lines), StandardCharsets.UTF_8);
        return folder;
    }

    private static List<String> allIds(ArticleIndex index) throws IOException {
        return index.search(SearchRequest.of("*:*").syntax(Syntax.LUCENE).size(1000)).hits().stream()
                .map(Hit::id)
                .toList();
    }

    /** The report's counts: files, added, updated, unchanged, skipped, failed, ignored, cancelled. */
    private static List<Object> counts(IngestReport r) {
        return List.of(
                r.files(),
                r.added(),
                r.updated(),
                r.unchanged(),
                r.skipped(),
                r.failed(),
                r.ignoredFiles(),
                r.cancelled());
    }

    private static List<Object> counts(
            int files,
            long added,
            long updated,
            long unchanged,
            long skipped,
            long failed,
            int ignored,
            boolean cancelled) {
        return List.of(files, added, updated, unchanged, skipped, failed, ignored, cancelled);
    }

    // --- upserts and unchanged detection

    @Test
    void ingest_sameFolderTwice_secondReportsEveryArticleUnchanged() throws IOException {
        Path in = writeFeed(
                line("a", "Alpha", "Alpha body."),
                line("b", "Beta", "Beta body."),
                line("c", "Gamma", "Gamma body."),
                line("d", "Delta", "Delta body."));
        Files.writeString(in.resolve("note.txt"), "Plain headline\n\nPlain body.", StandardCharsets.UTF_8);
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            IngestReport first = index.ingest(in);
            IngestReport second = index.ingest(in);

            assertThat(counts(first)).isEqualTo(counts(2, 5, 0, 0, 0, 0, 0, false));
            assertThat(counts(second)).isEqualTo(counts(0, 0, 0, 5, 0, 0, 0, false));
            assertThat(second.unchangedFiles()).isEqualTo(2);
            assertThat(second.articles()).isEqualTo(5);
            assertThat(second.clean()).isTrue();
            assertThat(index.count()).isEqualTo(5);
        }
    }

    @Test
    void ingest_oneBodyChanged_reportsOneUpdatedAndTheRestUnchanged() throws IOException {
        Path in = writeFeed(
                line("a", "Alpha", "Alpha body."), line("b", "Beta", "Beta body."), line("c", "Gamma", "Gamma body."));
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.ingest(in);
            writeFeed(
                    line("a", "Alpha", "Alpha body."),
                    line("b", "Beta", "Beta body, corrected."),
                    line("c", "Gamma", "Gamma body."));

            IngestReport again = index.ingest(in);

            assertThat(counts(again)).isEqualTo(counts(1, 0, 1, 2, 0, 0, 0, false));
            assertThat(index.count()).isEqualTo(3);
            assertThat(index.get("b").orElseThrow().body()).isEqualTo("Beta body, corrected.");
            assertThat(index.search("corrected").hits()).extracting(Hit::id).containsExactly("b");
        }
    }

    @Test
    void ingest_sameIdTwiceInOneIngest_lastOneWins() throws IOException {
        Path in = writeFeed(
                line("dup", "First version", "Old text."),
                line("other", "Other", "Other text."),
                line("dup", "Second version", "New text."));
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            IngestReport report = index.ingest(in);

            assertThat(counts(report)).isEqualTo(counts(1, 2, 1, 0, 0, 0, 0, false));
            assertThat(index.count()).isEqualTo(2);
            assertThat(index.get("dup").orElseThrow().title()).isEqualTo("Second version");
            assertThat(index.search("old").hits()).isEmpty();
        }
    }

    @Test
    void ingest_sameIdTwiceIdentical_countsTheSecondUnchanged() throws IOException {
        Path in = writeFeed(line("dup", "Same", "Same text."), line("dup", "Same", "Same text."));
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            IngestReport report = index.ingest(in);

            assertThat(counts(report)).isEqualTo(counts(1, 1, 0, 1, 0, 0, 0, false));
            assertThat(index.count()).isEqualTo(1);
        }
    }

    @Test
    void ingest_afterDelete_addsTheDeletedArticleAgainAndLeavesTheRestUnchanged() throws IOException {
        Path in = writeFeed(
                line("a", "Alpha", "Alpha body."), line("b", "Beta", "Beta body."), line("c", "Gamma", "Gamma body."));
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.ingest(in);
            assertThat(index.delete("b")).isTrue();

            IngestReport again = index.ingest(in);

            assertThat(counts(again)).isEqualTo(counts(1, 1, 0, 2, 0, 0, 0, false));
            assertThat(index.count()).isEqualTo(3);
        }
    }

    @Test
    void addAll_listThenStream_reportsAddedUpdatedAndUnchanged() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            IngestReport first =
                    index.addAll(List.of(article("a", "Alpha"), article("b", "Beta"), article("c", "Gamma")));
            IngestReport second = index.addAll(Stream.of(
                    article("a", "Alpha"), article("b", "Beta revised"), article("c", "Gamma"), article("d", "Delta")));

            assertThat(counts(first)).isEqualTo(counts(0, 3, 0, 0, 0, 0, 0, false));
            assertThat(counts(second)).isEqualTo(counts(0, 1, 1, 2, 0, 0, 0, false));
            assertThat(index.count()).isEqualTo(4);
            assertThat(index.get("b").orElseThrow().title()).isEqualTo("Beta revised");
        }
    }

    @Test
    void addAll_extraValueChanged_countsAsUpdated() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.addAll(List.of(full("x")));

            IngestReport report = index.addAll(
                    List.of(full("x").toBuilder().extra("section", "Sports").build()));

            assertThat(counts(report)).isEqualTo(counts(0, 0, 1, 0, 0, 0, 0, false));
            assertThat(index.get("x").orElseThrow().extra()).isEqualTo(Map.of("section", "Sports", "tenant", "acme"));
        }
    }

    @Test
    void addAll_afterAdd_seesTheUnrefreshedArticleAsIndexed() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory(MANUAL_REFRESH)) {
            index.add(article("a", "Alpha"));

            IngestReport report = index.addAll(List.of(article("a", "Alpha")));

            assertThat(counts(report)).isEqualTo(counts(0, 0, 0, 1, 0, 0, 0, false));
            assertThat(index.count()).isEqualTo(1);
        }
    }

    // --- get and delete

    @Test
    void get_returnsTheExactStoredArticle() throws IOException {
        Article original = full("nyc-42");
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.addAll(List.of(original, article("other", "Other")));

            assertThat(index.get("nyc-42")).contains(original);
            assertThat(index.get("nyc-42").orElseThrow().published().toString()).isEqualTo("2025-02-01T09:30:00-05:00");
            assertThat(index.get("missing")).isEmpty();
        }
    }

    @Test
    void get_plainDatePublished_comesBackAsAPlainDate() throws IOException {
        Article dated = article("d", "Dated").toBuilder()
                .published(Published.parse("2025-01-14"))
                .build();
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.addAll(List.of(dated));

            assertThat(index.get("d")).contains(dated);
            assertThat(index.get("d").orElseThrow().published().dateTime()).isEmpty();
        }
    }

    @Test
    void get_beforeRefresh_doesNotSeeAnAddedArticle() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory(MANUAL_REFRESH)) {
            index.add(article("a", "Alpha"));

            assertThat(index.get("a")).isEmpty();
            index.refresh();
            assertThat(index.get("a")).contains(article("a", "Alpha"));
        }
    }

    @Test
    void delete_existingAndMissing_returnTrueAndFalse() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory(MANUAL_REFRESH)) {
            index.addAll(List.of(article("a", "Alpha"), article("b", "Beta")));

            assertThat(index.delete("a")).isTrue();
            assertThat(index.delete("missing")).isFalse();
            assertThat(index.delete("a")).isFalse();
        }
    }

    @Test
    void delete_articleDisappearsAfterRefresh() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory(MANUAL_REFRESH)) {
            index.addAll(List.of(article("a", "Alpha"), article("b", "Beta")));

            index.delete("a");
            assertThat(index.count()).isEqualTo(2);
            index.refresh();

            assertThat(index.count()).isEqualTo(1);
            assertThat(index.get("a")).isEmpty();
            assertThat(allIds(index)).containsExactly("b");
        }
    }

    @Test
    void deleteMany_returnsTheIdsThatWereThere_onceEachInTheOrderGiven_andRemovesThem() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory(MANUAL_REFRESH)) {
            index.addAll(List.of(article("a", "Alpha"), article("b", "Beta"), article("c", "Gamma")));
            index.add(article("d", "Delta")); // not refreshed yet: deleted all the same

            assertThat(index.delete(List.of("d", "missing", "a", "d"))).containsExactly("d", "a");
            index.refresh();
            assertThat(allIds(index)).containsExactlyInAnyOrder("b", "c");
            assertThat(index.delete(List.of("a", "missing"))).isEmpty();
            assertThat(index.delete(List.of())).isEmpty();
            assertThatThrownBy(() -> index.delete(java.util.Arrays.asList("b", null)))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("an id in ids");
            index.refresh();
            assertThat(allIds(index)).containsExactlyInAnyOrder("b", "c"); // nothing deleted by the refused call
        }
    }

    @Test
    void delete_articleAddedButNotYetRefreshed_returnsTrueAndRemovesIt() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory(MANUAL_REFRESH)) {
            index.add(article("a", "Alpha"));

            assertThat(index.delete("a")).isTrue();
            index.commit();

            assertThat(index.count()).isZero();
        }
    }

    @Test
    void delete_isDurableAfterCommitAndReopen() throws IOException {
        Path folder = tmp.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(folder, MANUAL_REFRESH)) {
            index.addAll(List.of(article("a", "Alpha"), article("b", "Beta")));
            index.delete("a");
            index.commit();
        }
        try (ArticleIndex reopened = ArticleIndex.openReadOnly(folder)) {
            assertThat(allIds(reopened)).containsExactly("b");
            assertThat(reopened.get("a")).isEmpty();
        }
    }

    @Test
    void delete_onReadOnlyIndex_throwsIllegalState() throws IOException {
        Path folder = tmp.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(folder)) {
            index.add(article("a", "Alpha"));
        }
        try (ArticleIndex readOnly = ArticleIndex.openReadOnly(folder)) {
            assertThatThrownBy(() -> readOnly.delete("a"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("index " + folder + " was opened read-only");
            assertThat(readOnly.get("a")).contains(article("a", "Alpha"));
        }
    }

    // --- refresh visibility

    @Test
    void add_isInvisibleUntilRefresh() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory(MANUAL_REFRESH)) {
            index.add(article("a", "Pending headline"));

            assertThat(index.search("pending").hits()).isEmpty();
            assertThat(index.count()).isZero();

            index.refresh();

            assertThat(index.search("pending").hits()).extracting(Hit::id).containsExactly("a");
        }
    }

    @Test
    void add_withRefreshInterval_becomesVisibleWithoutCallingRefresh() throws Exception {
        try (ArticleIndex index =
                ArticleIndex.inMemory(IndexConfig.defaults().refreshInterval(Duration.ofMillis(50)))) {
            index.add(article("a", "Automatic headline"));

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (index.search("automatic").hits().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            assertThat(index.search("automatic").hits()).extracting(Hit::id).containsExactly("a");
        }
    }

    @Test
    void add_withZeroRefreshInterval_staysInvisibleUntilRefresh() throws Exception {
        try (ArticleIndex index = ArticleIndex.inMemory(MANUAL_REFRESH)) {
            index.add(article("a", "Manual headline"));
            Thread.sleep(300); // many times the 50 ms interval above: an automatic refresh would have run

            assertThat(index.search("manual").hits()).isEmpty();
            index.refresh();
            assertThat(index.search("manual").hits()).extracting(Hit::id).containsExactly("a");
        }
    }

    @Test
    void addAll_isSearchableWhenItReturns() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory(MANUAL_REFRESH)) {
            index.addAll(List.of(article("a", "Returned headline")));

            assertThat(index.search("returned").hits()).extracting(Hit::id).containsExactly("a");
        }
    }

    // --- extra fields

    private static List<Article> rankingCorpus(boolean withExtras) {
        List<Article> articles = new ArrayList<>();
        String[][] rows = {
            {"r1", "Sports stadium plan", "The city debates a new stadium for its sports teams.", "sports"},
            {"r2", "Budget talks", "The budget includes money for a stadium and for schools.", "sports"},
            {"r3", "School sports", "Sports at school, sports after school: the board wants more of both.", "metro"},
            {"r4", "Harbor repairs", "The harbor reopens after repairs to the pier.", "sports"},
        };
        for (String[] r : rows) {
            Article.Builder b = Article.builder(r[0]).title(r[1]).body(r[2]);
            if (withExtras) {
                b.extra("section", r[3]).extra("desk", "stadium sports");
            }
            articles.add(b.build());
        }
        return articles;
    }

    @Test
    void extra_isStoredAndMatchedByStrictFieldSyntax() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.addAll(rankingCorpus(true));

            List<String> sports =
                    index.search(SearchRequest.of("x.section:sports").syntax(Syntax.LUCENE)).hits().stream()
                            .map(Hit::id)
                            .toList();
            List<String> metro = index
                    .search(SearchRequest.of("x.section:Metro").syntax(Syntax.LUCENE))
                    .hits()
                    .stream()
                    .map(Hit::id)
                    .toList();

            assertThat(sports).containsExactlyInAnyOrder("r1", "r2", "r4");
            assertThat(metro).containsExactly("r3");
            assertThat(index.get("r3").orElseThrow().extra())
                    .isEqualTo(Map.of("desk", "stadium sports", "section", "metro"));
        }
    }

    @Test
    void extra_wholeValueKeyword_matchesOnlyTheWholeValue() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.addAll(rankingCorpus(true));

            assertThat(index.search(SearchRequest.of("x.desk:\"stadium sports\"")
                                    .syntax(Syntax.LUCENE))
                            .hits())
                    .hasSize(4);
            assertThat(index.search(SearchRequest.of("x.desk:stadium").syntax(Syntax.LUCENE))
                            .hits())
                    .isEmpty();
        }
    }

    @Test
    void extra_neverChangesTheRankingOfATextQuery() throws IOException {
        try (ArticleIndex plain = ArticleIndex.inMemory();
                ArticleIndex withExtras = ArticleIndex.inMemory()) {
            plain.addAll(rankingCorpus(false));
            withExtras.addAll(rankingCorpus(true));

            for (String query : List.of("sports", "stadium", "sports stadium", "metro", "harbor")) {
                List<Hit> expected = plain.search(query).hits();
                List<Hit> actual = withExtras.search(query).hits();

                assertThat(actual)
                        .extracting(Hit::id)
                        .as(query)
                        .containsExactlyElementsOf(
                                expected.stream().map(Hit::id).toList());
                assertThat(actual)
                        .extracting(Hit::score)
                        .as(query)
                        .containsExactlyElementsOf(
                                expected.stream().map(Hit::score).toList());
            }
            assertThat(withExtras.search("metro").hits()).isEmpty();
            assertThat(withExtras.search("sports").hits()).extracting(Hit::id).containsExactly("r3", "r1");
        }
    }

    // --- bad records are data, not exceptions

    private static List<Thread> ingestThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("lede-ingest-") && t.isAlive())
                .toList();
    }

    @Test
    void ingest_recordWithOversizedKeywordValue_isReportedAndTheOthersAreIndexed() throws IOException {
        // A source of 40,000 characters: longer than the 32,766 bytes Lucene takes for one term.
        StringBuilder feed = new StringBuilder(line("first", "First", "First body."));
        feed.append("{\"id\": \"huge\", \"title\": \"Huge source\", \"source\": \"")
                .append("x".repeat(40_000))
                .append("\"}\n");
        for (int i = 1; i <= 600; i++) {
            feed.append(line("n-" + i, "After " + i, "Body " + i + "."));
        }
        Path in = writeFeed(feed.toString());
        List<Thread> before = ingestThreads();
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            IngestReport[] report = new IngestReport[1];

            Throwable thrown = catchThrowable(() -> report[0] = index.ingest(in));

            List<String> left = ingestThreads().stream()
                    .filter(t -> !before.contains(t))
                    .map(Thread::getName)
                    .toList();
            assertThat(thrown)
                    .as("ingest threw (ingest threads left running: %s)", left)
                    .isNull();
            assertThat(left).isEmpty();
            assertThat(report[0].problems())
                    .extracting(p -> p.file() + ":" + p.line())
                    .containsExactly("feed.jsonl:2");
            assertThat(index.get("first")).isPresent();
            assertThat(index.get("n-600")).isPresent();
            assertThat(report[0].added()).isBetween(601L, 602L);
        }
    }

    // --- progress

    @Test
    void ingest_progress_lastCallbackEqualsTheReport() throws IOException {
        Path in = writeFeed(line("a", "Alpha", "Alpha body."), line("b", "Beta", "Beta body."));
        Files.writeString(in.resolve("note.txt"), "Plain headline\n\nPlain body.", StandardCharsets.UTF_8);
        List<IngestProgress> progress = new CopyOnWriteArrayList<>();
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.ingest(in);
            Files.writeString(in.resolve("late.txt"), "Late headline\n\nLate body.", StandardCharsets.UTF_8);

            IngestReport report = index.ingest(in, IngestOptions.defaults().onProgress(progress::add));

            assertThat(counts(report)).isEqualTo(counts(1, 1, 0, 3, 0, 0, 0, false)); // 2 files not read again
            IngestProgress last = progress.get(progress.size() - 1);
            assertThat(last).isEqualTo(new IngestProgress(3, 3, 1, 1, 0, 3));
            assertThat(last.articlesDone()).isEqualTo(report.articles());
            assertThat(progress).extracting(IngestProgress::filesDone).isSorted();
        }
    }

    @Test
    void addAll_progress_lastCallbackEqualsTheReportWithNoFiles() throws IOException {
        List<IngestProgress> progress = new CopyOnWriteArrayList<>();
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.addAll(List.of(article("a", "Alpha")));

            IngestReport report = index.addAll(
                    List.of(article("a", "Alpha"), article("b", "Beta"), article("c", "Gamma")),
                    IngestOptions.defaults().threads(2).onProgress(progress::add));

            assertThat(counts(report)).isEqualTo(counts(0, 2, 0, 1, 0, 0, 0, false));
            assertThat(progress.get(progress.size() - 1)).isEqualTo(new IngestProgress(0, 0, 3, 2, 0, 1));
        }
    }

    // --- cancellation

    @Test
    void addAll_cancelledAfterFourArticles_commitsThoseFourAndAReRunAddsTheRest() throws IOException {
        List<Article> articles = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> article("c-" + i, "Cancellable " + i))
                .toList();
        AtomicInteger pulled = new AtomicInteger();
        Iterable<Article> counted =
                () -> articles.stream().peek(a -> pulled.incrementAndGet()).iterator();
        Path folder = tmp.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(folder, MANUAL_REFRESH)) {
            IngestReport cancelled =
                    index.addAll(counted, IngestOptions.defaults().cancelWhen(() -> pulled.get() > 4));

            assertThat(counts(cancelled)).isEqualTo(counts(0, 4, 0, 0, 0, 0, 0, true));
            assertThat(cancelled.clean()).isFalse();
            assertThat(allIds(index)).containsExactly("c-1", "c-2", "c-3", "c-4");
            try (ArticleIndex reader = ArticleIndex.openReadOnly(folder)) {
                assertThat(reader.count()).as("committed, not only refreshed").isEqualTo(4);
            }

            IngestReport rest = index.addAll(articles);

            assertThat(counts(rest)).isEqualTo(counts(0, 6, 0, 4, 0, 0, 0, false));
            assertThat(index.count()).isEqualTo(10);
        }
    }

    @Test
    void ingest_cancelledPartWay_commitsWhatItWroteAndAReRunCompletesTheRest() throws IOException {
        StringBuilder feed = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            feed.append(line("f-" + i, "Feed " + i, "Feed body " + i + "."));
        }
        Path in = writeFeed(feed.toString());
        AtomicInteger polls = new AtomicInteger();
        Path folder = tmp.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(folder, MANUAL_REFRESH)) {
            IngestReport cancelled =
                    index.ingest(in, IngestOptions.defaults().cancelWhen(() -> polls.incrementAndGet() > 5));

            long written = cancelled.added();
            assertThat(cancelled.cancelled()).isTrue();
            assertThat(written).isBetween(1L, 9L);
            assertThat(cancelled.updated() + cancelled.unchanged()).isZero();
            assertThat(index.count()).isEqualTo(written);
            try (ArticleIndex reader = ArticleIndex.openReadOnly(folder)) {
                assertThat(reader.count()).as("committed, not only refreshed").isEqualTo(written);
                assertThat(allIds(reader))
                        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, (int) written)
                                .mapToObj(i -> "f-" + i)
                                .toList());
            }

            IngestReport rest = index.ingest(in);

            assertThat(counts(rest)).isEqualTo(counts(1, 10 - written, 0, written, 0, 0, 0, false));
            assertThat(index.count()).isEqualTo(10);
        }
    }

    @Test
    void ingest_cancelledBeforeStart_writesNothingAndSaysCancelled() throws IOException {
        Path in = writeFeed(line("a", "Alpha", "Alpha body."));
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            IngestReport report = index.ingest(in, IngestOptions.defaults().cancelWhen(() -> true));

            assertThat(counts(report)).isEqualTo(counts(0, 0, 0, 0, 0, 0, 0, true));
            assertThat(index.count()).isZero();
        }
    }

    // --- rebuild

    private static void markSchemaVersion(Path folder, String version) throws IOException {
        try (Directory dir = FSDirectory.open(folder);
                IndexWriter w = new IndexWriter(
                        dir,
                        new IndexWriterConfig(new StandardAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            w.setLiveCommitData(Map.of("lede.schema.version", version).entrySet());
            w.commit();
        }
    }

    @Test
    void rebuild_indexOfSchemaVersionZero_opensAfterwardsWithEveryArticle() throws IOException {
        Path folder = tmp.resolve("index");
        Article full = full("full-1");
        try (ArticleIndex index = ArticleIndex.open(folder)) {
            index.addAll(List.of(full, article("a", "Alpha"), article("b", "Beta"), article("gone", "Deleted")));
            index.delete("gone");
        }
        markSchemaVersion(folder, "0");

        assertThatThrownBy(() -> ArticleIndex.open(folder))
                .isInstanceOf(IncompatibleIndexException.class)
                .hasMessage(folder + " was built with Lede schema version 0; this Lede reads versions 2 and 3. Rebuild"
                        + " it from its own stored articles with 'lede reindex --index " + folder
                        + "' (or ArticleIndex.rebuild).");

        IngestReport report = ArticleIndex.rebuild(folder);

        assertThat(counts(report)).isEqualTo(counts(0, 3, 0, 0, 0, 0, 0, false));
        try (ArticleIndex rebuilt = ArticleIndex.open(folder)) {
            assertThat(allIds(rebuilt)).containsExactly("a", "b", "full-1");
            assertThat(rebuilt.get("full-1")).contains(full);
            assertThat(rebuilt.stats().schemaVersion()).isEqualTo(2);
            assertThat(rebuilt.search(SearchRequest.of("x.tenant:acme").syntax(Syntax.LUCENE))
                            .hits())
                    .extracting(Hit::id)
                    .containsExactly("full-1");
        }
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("index");
        }
    }

    @Test
    void rebuild_noIndex_throwsNoSuchFileAndCreatesNothing() throws IOException {
        Path folder = tmp.resolve("missing");

        assertThatThrownBy(() -> ArticleIndex.rebuild(folder))
                .isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining(folder.toString());
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings).isEmpty();
        }
    }

    @Test
    void rebuild_whileAWriterHasTheFolder_failsNamingTheFolderAndTheWriterKeepsItsArticles() throws IOException {
        Path folder = tmp.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(folder)) {
            index.addAll(List.of(article("a", "Alpha")));

            // Like a second open: one writer per folder, or the writer's later commits are lost.
            assertThatThrownBy(() -> ArticleIndex.rebuild(folder))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(folder.toString());

            index.add(article("b", "Beta"));
        }
        try (ArticleIndex reopened = ArticleIndex.open(folder)) {
            assertThat(allIds(reopened)).containsExactly("a", "b");
        }
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("index");
        }
    }
}
