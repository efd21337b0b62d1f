package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.ingest.IngestReport;
import dev.lede.query.Hit;
import dev.lede.query.SearchResults;
import dev.lede.query.Snippet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample shipped in index-data/articles (the seed and the Wikinews articles), end to end. */
class SampleCorpusTest {
    private static final String SEED_ID = "adams-sanctuary-laws.txt";
    private static final String SEED_TITLE =
            "Democratic mayor of New York City Eric Adams said he is working to change the city’s sanctuary laws…";

    private static ArticleIndex index;
    private static IngestReport report;

    @BeforeAll
    static void ingestSample() throws IOException {
        index = ArticleIndex.inMemory();
        report = index.ingest(TestFiles.sampleArticles());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    /** One article per .txt file plus one per non-blank .jsonl line, counted from the files themselves. */
    private static long expectedSampleArticles() throws IOException {
        long count = 0;
        try (Stream<Path> files = Files.list(TestFiles.sampleArticles())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".txt")) {
                    count++;
                } else if (name.endsWith(".jsonl")) {
                    count += Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                            .filter(l -> !l.isBlank())
                            .count();
                }
            }
        }
        return count;
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(Hit::id).toList();
    }

    @Test
    void ingest_sample_indexesEveryArticleCleanly() throws IOException {
        long expected = expectedSampleArticles();

        assertThat(report.added()).isEqualTo(expected);
        assertThat(report.problems()).isEmpty();
        assertThat(index.count()).isEqualTo(expected);
    }

    @Test
    void search_sanctuaryLaws_ranksSeedFirst() throws IOException {
        SearchResults results = index.search("sanctuary laws");

        assertThat(results.hits().get(0).id()).isEqualTo(SEED_ID);
        assertThat(results.hits().get(0).article().title()).isEqualTo(SEED_TITLE);
        assertThat(results.hits().get(0).title().html())
                .isEqualTo("Democratic mayor of New York City Eric Adams said he is working to change the city’s"
                        + " <mark>sanctuary</mark> <mark>laws</mark>…");
    }

    @Test
    void search_curlyQuotedPhrase_highlightsPhraseAsOneUnit() throws IOException {
        SearchResults results = index.search("“sanctuary laws”");

        assertThat(ids(results)).containsExactly(SEED_ID);
        Hit hit = results.hits().get(0);
        assertThat(hit.title().html())
                .isEqualTo(
                        "Democratic mayor of New York City Eric Adams said he is working to change the city’s <mark>sanctuary"
                                + " laws</mark>…");
        assertThat(hit.snippets().get(0).html())
                .isEqualTo(
                        "mayor of New York City Eric Adams said he is working to change the city’s <mark>sanctuary laws</mark>"
                                + " to cooperate with federal authorities on the deportation of illegal immigrants");
        assertThat(hit.snippets())
                .flatExtracting(Snippet::marked)
                .containsExactly("sanctuary laws", "sanctuary laws", "sanctuary laws");
    }

    @Test
    void search_seedNotice_isKeptOutOfTheIndexedText() throws IOException {
        assertThat(ids(index.search("\"view this story on their website\""))).isEmpty();
        assertThat(ids(index.search("+clicking +publishers"))).doesNotContain(SEED_ID);
    }

    @Test
    void search_seedHit_carriesItsNotice() throws IOException {
        Hit hit = index.search("“sanctuary laws”").hits().get(0);

        assertThat(hit.article().notice())
                .isEqualTo(
                        "We support our Publishers and Content Creators. You can view this story on their website by CLICKING"
                                + " HERE.");
        assertThat(hit.snippets()).extracting(Snippet::text).noneMatch(t -> t.contains("CLICKING HERE"));
    }

    @Test
    void search_sourceWikinews_findsEveryWikinewsArticle() throws IOException {
        long wikinews = expectedSampleArticles() - 1;

        SearchResults results = index.search("source:wikinews");

        assertThat(results.total()).isEqualTo(wikinews);
        assertThat(ids(results)).doesNotContain(SEED_ID);
    }

    @Test
    void search_deportAndDreamer_findTheSeedsWords() throws IOException {
        Hit deport = index.search("deport").hits().get(0);
        Hit dreamer = index.search("dreamer").hits().get(0);

        assertThat(deport.id()).isEqualTo(SEED_ID);
        assertThat(deport.snippets())
                .flatExtracting(Snippet::marked)
                .containsExactly("deportation", "deportation", "deportation", "deporting");
        assertThat(dreamer.id()).isEqualTo(SEED_ID);
        assertThat(dreamer.snippets()).flatExtracting(Snippet::marked).containsExactly("DREAMers", "DREAMers");
    }

    @Test
    void search_onlyExclusion_isNewestFirstWithTheUndatedSeedLast() throws IOException {
        SearchResults results =
                index.search(dev.lede.query.SearchRequest.of("-zzzz").size(1_000));

        List<Hit> hits = results.hits();
        assertThat(hits).hasSize((int) expectedSampleArticles());
        assertThat(hits.get(hits.size() - 1).id()).isEqualTo(SEED_ID);
        for (int i = 1; i < hits.size() - 1; i++) {
            assertThat(hits.get(i - 1).article().published())
                    .isGreaterThanOrEqualTo(hits.get(i).article().published());
        }
    }

    @Test
    void onDisk_ingestCloseAndReopenReadOnly_searchesTheSample(@TempDir Path tmp) throws IOException {
        Path folder = tmp.resolve("index");
        try (ArticleIndex disk = ArticleIndex.open(folder)) {
            disk.ingest(TestFiles.sampleArticles());
        }

        try (ArticleIndex readOnly = ArticleIndex.openReadOnly(folder)) {
            assertThat(readOnly.stats().articles()).isEqualTo(expectedSampleArticles());
            assertThat(readOnly.search("sanctuary laws").hits().get(0).id()).isEqualTo(SEED_ID);
            assertThat(readOnly.search("“sanctuary laws”")
                            .hits()
                            .get(0)
                            .snippets()
                            .get(0)
                            .marked())
                    .containsExactly("sanctuary laws");
        }
    }
}
