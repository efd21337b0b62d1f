package dev.lede.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TiedTopScores} against Lucene's own top-score collector and a complete scan of the scores:
 * the same best hits, then every other hit tied with the last of them (or word that some were
 * dropped), in one segment or many, with and without skipping, and merged from several collectors.
 */
class TiedTopScoresTest {
    private static final String[] WORDS = {"ferry", "harbor", "quay"};

    private Directory dir;
    private DirectoryReader reader;

    @BeforeEach
    void index() throws IOException {
        // Short articles of few words: many share a score, in 6 segments of 500.
        dir = new ByteBuffersDirectory();
        Random random = new Random(7);
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int s = 0; s < 6; s++) {
                for (int i = 0; i < 500; i++) {
                    StringBuilder text = new StringBuilder();
                    int length = 1 + random.nextInt(4);
                    for (int j = 0; j < length; j++) {
                        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    Document d = new Document();
                    d.add(new TextField("body", text.toString(), Field.Store.NO));
                    w.addDocument(d);
                }
                w.commit();
            }
        }
        reader = DirectoryReader.open(dir);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        dir.close();
    }

    @Test
    void findsLucenesBestHits_thenEveryHitTiedWithTheLast_whetherSkippingOrCountingAll() throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        int checked = 0;
        int withTies = 0;
        for (Query query : queries()) {
            for (int size : new int[] {1, 3, 10, 50}) {
                for (int threshold : new int[] {size, 1_000, Integer.MAX_VALUE}) {
                    TopDocs lucene = searcher.search(query, new TopScoreDocCollectorManager(size, null, threshold));
                    TiedTopScores.Result mine = searcher.search(query, new TiedTopScores(size, threshold, 5_000));
                    List<ScoreDoc> tied = tiedWithLast(searcher, query, lucene);
                    assertThat(mine.tiesWhole()).isTrue();
                    assertThat(hits(mine.top(), 0, lucene.scoreDocs.length)).isEqualTo(hits(lucene));
                    assertThat(hits(mine.top(), lucene.scoreDocs.length, mine.top().scoreDocs.length))
                            .isEqualTo(hits(tied));
                    TotalHits total = mine.top().totalHits;
                    int count = searcher.count(query);
                    if (total.relation() == TotalHits.Relation.EQUAL_TO) {
                        assertThat(total.value()).isEqualTo(count);
                    } else {
                        // Skipping starts once the count passes the threshold (or the page).
                        assertThat(total.value()).isBetween(Math.max(threshold, size) + 1L, (long) count);
                    }
                    if (threshold == Integer.MAX_VALUE) {
                        assertThat(total).isEqualTo(lucene.totalHits);
                    }
                    checked++;
                    withTies += tied.isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(checked).isEqualTo(5 * 4 * 3);
        assertThat(withTies).isGreaterThan(30); // the case this collector is for is not rare here
    }

    @Test
    void keepsAtMostMaxTies_andSaysTheGroupIsNotWhole() throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query ferry = new TermQuery(new Term("body", "ferry"));
        TopDocs lucene = searcher.search(ferry, 3);
        List<ScoreDoc> tied = tiedWithLast(searcher, ferry, lucene);
        assertThat(tied.size()).isGreaterThan(4);

        TiedTopScores.Result some = searcher.search(ferry, new TiedTopScores(3, 1_000, 4));
        assertThat(some.tiesWhole()).isFalse();
        assertThat(hits(some.top()))
                .isEqualTo(hits(List.of(
                        lucene.scoreDocs[0],
                        lucene.scoreDocs[1],
                        lucene.scoreDocs[2],
                        tied.get(0),
                        tied.get(1),
                        tied.get(2),
                        tied.get(3))));

        TiedTopScores.Result exactlyAll = searcher.search(ferry, new TiedTopScores(3, 1_000, tied.size()));
        assertThat(exactlyAll.tiesWhole()).isTrue();
        assertThat(exactlyAll.top().scoreDocs).hasSize(3 + tied.size());
    }

    @Test
    void mergesTheCollectorsOfSeveralSlices_intoTheSameHits() throws IOException {
        Executor inline = Runnable::run;
        IndexSearcher perSegment = new IndexSearcher(reader, inline) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                return slices(leaves, 1, 1, false); // one collector for each segment
            }
        };
        assertThat(perSegment.getSlices()).hasSize(6);
        IndexSearcher single = new IndexSearcher(reader);
        for (Query query : queries()) {
            for (int maxTies : new int[] {2, 5_000}) {
                TiedTopScores.Result one = single.search(query, new TiedTopScores(10, Integer.MAX_VALUE, maxTies));
                TiedTopScores.Result many = perSegment.search(query, new TiedTopScores(10, Integer.MAX_VALUE, maxTies));
                assertThat(many.tiesWhole()).isEqualTo(one.tiesWhole());
                // When the group is not whole, which of its hits were kept is of no use to anyone.
                int compared = one.tiesWhole() ? one.top().scoreDocs.length : 10;
                assertThat(hits(many.top(), 0, compared)).isEqualTo(hits(one.top(), 0, compared));
                assertThat(many.top().totalHits).isEqualTo(one.top().totalHits);
            }
        }
    }

    private static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (String word : WORDS) {
            queries.add(new TermQuery(new Term("body", word)));
        }
        queries.add(new BooleanQuery.Builder()
                .add(new TermQuery(new Term("body", "ferry")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term("body", "quay")), BooleanClause.Occur.SHOULD)
                .build());
        queries.add(new BooleanQuery.Builder()
                .add(new TermQuery(new Term("body", "harbor")), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term("body", "quay")), BooleanClause.Occur.MUST)
                .build());
        return queries;
    }

    /** Every hit not among {@code top} that scores what its last hit scores, in index order (from a full scan). */
    private static List<ScoreDoc> tiedWithLast(IndexSearcher searcher, Query query, TopDocs top) throws IOException {
        if (top.scoreDocs.length == 0) {
            return List.of();
        }
        float last = top.scoreDocs[top.scoreDocs.length - 1].score;
        int all = Math.max(1, searcher.count(query));
        List<ScoreDoc> tied = new ArrayList<>();
        List<Integer> inTop = new ArrayList<>();
        for (ScoreDoc d : top.scoreDocs) {
            inTop.add(d.doc);
        }
        for (ScoreDoc d :
                searcher.search(query, new TopScoreDocCollectorManager(all, null, Integer.MAX_VALUE)).scoreDocs) {
            if (d.score == last && !inTop.contains(d.doc)) {
                tied.add(d);
            }
        }
        tied.sort((a, b) -> Integer.compare(a.doc, b.doc));
        return tied;
    }

    private static List<String> hits(TopDocs top) {
        return hits(top, 0, top.scoreDocs.length);
    }

    private static List<String> hits(TopDocs top, int from, int to) {
        return hits(List.of(top.scoreDocs).subList(from, to));
    }

    private static List<String> hits(List<ScoreDoc> docs) {
        return docs.stream().map(d -> d.doc + "@" + d.score).toList();
    }
}
