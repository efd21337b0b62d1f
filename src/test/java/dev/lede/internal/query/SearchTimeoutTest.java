package dev.lede.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.article.Article;
import dev.lede.internal.index.IndexFolder;
import dev.lede.internal.schema.Schema;
import dev.lede.query.Facet;
import dev.lede.query.FacetDimension;
import dev.lede.query.Hit;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.Syntax;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The time limit of a search, driven by a {@link QueryTimeout} the test controls: it stops scoring
 * (keeping what was found) and term expansion (finding nothing), and the result says so.
 */
class SearchTimeoutTest {
    private static final int ARTICLES = 5_000;

    private final Schema schema = new Schema();
    private final ArticleSearcher articles = new ArticleSearcher(schema);
    private Directory dir;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @BeforeEach
    void index() throws IOException {
        dir = new ByteBuffersDirectory();
        try (IndexWriter w = IndexFolder.openWriter(dir, "memory", schema, 16)) {
            w.getConfig().setMergePolicy(NoMergePolicy.INSTANCE); // segments of 1,000 articles stay apart
            for (int i = 0; i < ARTICLES; i++) {
                if (i > 0 && i % 1_000 == 0) {
                    w.commit();
                }
                w.addDocument(schema.toDocument(Article.builder("a" + i)
                        .title("Harbor report " + i)
                        .source("Desk " + (i % 3))
                        .body("The harbor council met on day " + i + " and voted on word" + i + ".")
                        .build()));
            }
            w.commit();
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(schema.similarity());
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        dir.close();
    }

    /** Says stop once it has been asked {@code allowed} times. */
    private static QueryTimeout after(int allowed) {
        AtomicInteger asked = new AtomicInteger();
        return () -> asked.incrementAndGet() > allowed;
    }

    @Test
    void withoutALimit_everyMatchIsCounted() throws IOException {
        SearchResults r = articles.search(searcher, SearchRequest.of("harbor").exactTotal(true), null);

        assertThat(r.timedOut()).isFalse();
        assertThat(r.total()).isEqualTo(ARTICLES);
        assertThat(r.totalIsExact()).isTrue();
        assertThat(r.hits()).hasSize(10);
        assertThat(r.nextCursor()).isNotNull();
    }

    @Test
    void aLimitReachedWhileScoring_returnsWhatWasFound_flaggedAndNotExact() throws IOException {
        // The search asks the limit before scoring each segment (and, in a segment where the query
        // may match more articles than a largest slice holds, before each slice): stopping after
        // more and more questions gives partial results, then the whole. (The reader asks too,
        // while reading terms; a stop there finds nothing, so totals do not grow steadily.)
        // Scores tie at the page's edge here, so a second search puts the ties in id order; a stop
        // during that one keeps the page the first search found, with its count.
        boolean sawPartial = false;
        boolean sawStoppedOrderingTies = false;
        boolean sawWhole = false;
        for (int allowed = 0; allowed <= 100; allowed++) {
            SearchResults r =
                    articles.search(searcher, SearchRequest.of("harbor").exactTotal(true), after(allowed));
            if (r.timedOut()) {
                assertThat(r.totalIsExact()).isFalse();
                assertThat(r.total()).isLessThanOrEqualTo(ARTICLES);
                assertThat(r.hits()).hasSize((int) Math.min(10, r.total()));
                assertThat(r.nextCursor()).isNull(); // no cursor into a partial result
                if (r.total() >= 10) {
                    assertThat(r.hits().get(0).snippets()).isNotEmpty(); // the page is still highlighted
                }
                sawPartial |= r.total() >= 10 && r.total() < ARTICLES;
                sawStoppedOrderingTies |= r.total() == ARTICLES;
            } else {
                sawWhole = true;
                assertThat(r.total()).isEqualTo(ARTICLES);
                assertThat(r.totalIsExact()).isTrue();
            }
        }
        assertThat(sawPartial).isTrue();
        assertThat(sawStoppedOrderingTies).isTrue();
        assertThat(sawWhole).isTrue();
    }

    @Test
    void aLimitReachedWhileCountingFacets_flagsTheResults_andKeepsTheCompletePage() throws IOException {
        SearchRequest plain = SearchRequest.of("harbor").exactTotal(true);
        SearchRequest faceted = plain.facets(FacetDimension.SOURCE);
        // How often the ranked search alone asks the limit: a limit allowing exactly that many
        // questions lets the ranking finish and stops the facet count that follows it.
        AtomicInteger asked = new AtomicInteger();
        articles.search(searcher, plain, () -> asked.incrementAndGet() < 0);

        SearchResults whole = articles.search(searcher, faceted, null);
        SearchResults stopped = articles.search(searcher, faceted, after(asked.get()));

        assertThat(whole.timedOut()).isFalse();
        assertThat(counted(whole)).isEqualTo(ARTICLES);
        assertThat(stopped.timedOut()).isTrue();
        assertThat(stopped.total()).isEqualTo(ARTICLES); // the ranking itself finished
        assertThat(stopped.totalIsExact()).isFalse();
        assertThat(stopped.nextCursor()).isNull();
        assertThat(stopped.hits())
                .extracting(Hit::id)
                .isEqualTo(whole.hits().stream().map(Hit::id).toList());
        assertThat(counted(stopped)).isLessThan(ARTICLES);
    }

    private static long counted(SearchResults r) {
        return r.facet(FacetDimension.SOURCE).orElseThrow().counts().stream()
                .mapToLong(Facet.Count::count)
                .sum();
    }

    @Test
    void aLimitReachedWhileExpandingTerms_findsNothing_flagged() throws IOException {
        SearchRequest fuzzy =
                SearchRequest.of("word1~2 word2* harbr~1").syntax(Syntax.LUCENE).exactTotal(true);

        SearchResults whole = articles.search(searcher, fuzzy, null);
        SearchResults stopped = articles.search(searcher, fuzzy, after(0));

        assertThat(whole.timedOut()).isFalse();
        assertThat(whole.total()).isEqualTo(ARTICLES);
        assertThat(stopped.timedOut()).isTrue();
        assertThat(stopped.total()).isZero();
        assertThat(stopped.totalIsExact()).isFalse();
        assertThat(stopped.hits()).isEmpty();
    }

    @Test
    void theRequestTimeout_isFiveSecondsByDefault_andZeroMeansNone() throws IOException {
        assertThat(SearchRequest.of("harbor").timeout()).hasSeconds(5);
        SearchResults r = articles.search(
                searcher,
                SearchRequest.of("harbor").timeout(java.time.Duration.ZERO).exactTotal(true));
        assertThat(r.timedOut()).isFalse();
        assertThat(r.total()).isEqualTo(ARTICLES);
    }
}
