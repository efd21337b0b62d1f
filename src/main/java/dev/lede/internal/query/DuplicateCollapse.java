package dev.lede.internal.query;

import dev.lede.internal.schema.BodyFingerprint;
import dev.lede.internal.schema.Schema;
import dev.lede.query.Duplicate;
import dev.lede.query.SearchRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * Folds near-duplicate hits into one: in rank order, a hit is a group's leader unless its body is
 * a near-copy (estimated Jaccard at or above the threshold, see {@link BodyFingerprint}) of an
 * earlier leader, in which case it joins that leader. The rule only looks back, so the leaders of
 * page 2 are the same whether or not page 1 was asked for, and a copy folded on page 1 never leads
 * on page 2. Candidates come from the fingerprint's band keys, never from a scan. Thread-safe.
 */
final class DuplicateCollapse {
    /** Most copies listed under one hit. */
    static final int MAX_COPIES = 100;

    private final Schema schema;

    DuplicateCollapse(Schema schema) {
        this.schema = schema;
    }

    /**
     * A collapsed page.
     *
     * @param top the ranked window the page was taken from (for its total)
     * @param page the leaders on the requested page
     * @param more whether there is a leader after the page
     */
    record Page(TopDocs top, ScoreDoc[] page, boolean more) {}

    /**
     * The leaders {@code skip} to {@code skip + size} of {@code query} in {@code sort} order (after
     * the cursor {@code after}, when given), ranking windows of growing size up to {@link
     * SearchRequest#MAX_WINDOW} articles until enough leaders are found.
     */
    Page page(
            IndexSearcher bounded,
            Query query,
            Sort sort,
            int skip,
            int size,
            FieldDoc after,
            int totalThreshold,
            double threshold)
            throws IOException {
        int want = skip + size;
        int window = Math.min(SearchRequest.MAX_WINDOW, Math.max(2 * want, want + 20));
        while (true) {
            TopDocs top = bounded.search(query, new TopFieldCollectorManager(sort, window, after, totalThreshold));
            List<ScoreDoc> leaders = leaders(bounded, query, sort, top.scoreDocs, want + 1, after, threshold);
            boolean exhausted = top.scoreDocs.length < window || window == SearchRequest.MAX_WINDOW;
            if (leaders.size() > want || exhausted || bounded.timedOut()) {
                List<ScoreDoc> page = leaders.subList(Math.min(skip, leaders.size()), Math.min(want, leaders.size()));
                return new Page(top, page.toArray(ScoreDoc[]::new), leaders.size() > want);
            }
            window = Math.min(SearchRequest.MAX_WINDOW, window * 4);
        }
    }

    /** Up to {@code limit} leaders among {@code ranked}, in order. */
    private List<ScoreDoc> leaders(
            IndexSearcher searcher,
            Query query,
            Sort sort,
            ScoreDoc[] ranked,
            int limit,
            FieldDoc after,
            double threshold)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        List<ScoreDoc> leaders = new ArrayList<>();
        Map<Long, List<BodyFingerprint>> byKey = new HashMap<>();
        for (ScoreDoc d : ranked) {
            if (leaders.size() == limit) {
                break;
            }
            BodyFingerprint f = fingerprint(reader, d.doc);
            if (f != null
                    && (copiesAnEarlierLeader(f, byKey, threshold)
                            || (after != null
                                    && copiedAtOrBefore(searcher, query, sort, after, d.doc, f, threshold)))) {
                continue;
            }
            leaders.add(d);
            if (f != null) {
                for (long key : f.bandKeys()) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                }
            }
        }
        return leaders;
    }

    private static boolean copiesAnEarlierLeader(
            BodyFingerprint f, Map<Long, List<BodyFingerprint>> byKey, double threshold) {
        for (long key : f.bandKeys()) {
            for (BodyFingerprint leader : byKey.getOrDefault(key, List.of())) {
                if (f.similarity(leader) >= threshold) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a copy of {@code doc} matching {@code query} ranks at or before the cursor. */
    private boolean copiedAtOrBefore(
            IndexSearcher searcher,
            Query query,
            Sort sort,
            FieldDoc after,
            int doc,
            BodyFingerprint f,
            double threshold)
            throws IOException {
        Query candidates = candidates(query, f.bandKeys());
        Set<Integer> later = new HashSet<>();
        for (ScoreDoc s : searcher.search(candidates, new TopFieldCollectorManager(sort, MAX_COPIES, after, MAX_COPIES))
                .scoreDocs) {
            later.add(s.doc);
        }
        IndexReader reader = searcher.getIndexReader();
        for (ScoreDoc s : searcher.search(candidates, MAX_COPIES).scoreDocs) {
            if (s.doc != doc && !later.contains(s.doc)) {
                BodyFingerprint other = fingerprint(reader, s.doc);
                if (other != null && f.similarity(other) >= threshold) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The copies of each article in {@code docs} (at most {@link #MAX_COPIES} each), most similar
     * first and then by id: articles matching {@code filter} (every article when {@code null})
     * whose similarity is at least {@code threshold}. One query for all of them, so that a page of
     * hits costs one more search, not one per hit.
     */
    List<List<Duplicate>> copies(IndexSearcher searcher, Query filter, int[] docs, double threshold)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        List<BodyFingerprint> prints = new ArrayList<>();
        List<List<Map.Entry<Integer, Duplicate>>> found = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
        for (int doc : docs) {
            BodyFingerprint f = fingerprint(reader, doc);
            prints.add(f);
            found.add(new ArrayList<>());
            if (f != null) {
                for (long k : f.bandKeys()) {
                    keys.add(k);
                }
            }
        }
        if (!keys.isEmpty()) {
            StoredFields stored = searcher.storedFields();
            Query candidates =
                    candidates(filter, keys.stream().mapToLong(Long::longValue).toArray());
            for (ScoreDoc s : searcher.search(candidates, (MAX_COPIES + 1) * docs.length).scoreDocs) {
                BodyFingerprint other = fingerprint(reader, s.doc);
                for (int i = 0; i < docs.length; i++) {
                    double similarity = other == null || prints.get(i) == null || s.doc == docs[i]
                            ? 0
                            : prints.get(i).similarity(other);
                    if (similarity >= threshold) {
                        var d = stored.document(s.doc, Set.of(Schema.ID, Schema.SOURCE, Schema.URL));
                        found.get(i)
                                .add(Map.entry(
                                        s.doc,
                                        new Duplicate(
                                                d.get(Schema.ID),
                                                d.get(Schema.SOURCE),
                                                d.get(Schema.URL),
                                                similarity)));
                    }
                }
            }
        }
        List<List<Duplicate>> copies = new ArrayList<>();
        for (List<Map.Entry<Integer, Duplicate>> f : found) {
            copies.add(f.stream()
                    .map(Map.Entry::getValue)
                    .sorted(Comparator.comparing((Duplicate d) -> -d.similarity())
                            .thenComparing(Duplicate::id))
                    .limit(MAX_COPIES)
                    .toList());
        }
        return copies;
    }

    /** The documents of the copies of {@code doc} among all articles. */
    Set<Integer> copyDocs(IndexSearcher searcher, int doc, double threshold) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        BodyFingerprint f = fingerprint(reader, doc);
        Set<Integer> docs = new HashSet<>();
        if (f != null) {
            for (ScoreDoc s : searcher.search(candidates(null, f.bandKeys()), MAX_COPIES + 1).scoreDocs) {
                BodyFingerprint other = s.doc == doc ? null : fingerprint(reader, s.doc);
                if (other != null && f.similarity(other) >= threshold) {
                    docs.add(s.doc);
                }
            }
        }
        return docs;
    }

    /** Articles with any of these band keys, among those matching {@code filter} (scored by it). */
    private Query candidates(Query filter, long[] keys) {
        Query bands = schema.duplicateCandidates(keys);
        if (filter == null) {
            return bands;
        }
        return new BooleanQuery.Builder()
                .add(filter, BooleanClause.Occur.MUST) // scored: a cursor compares ranks
                .add(bands, BooleanClause.Occur.FILTER)
                .build();
    }

    /** The stored fingerprint of a document, or {@code null} for one with no words in its body. */
    static BodyFingerprint fingerprint(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = leaf.reader().getBinaryDocValues(Schema.DUP_FINGERPRINT);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
            return null;
        }
        BytesRef b = values.binaryValue();
        return BodyFingerprint.fromBytes(b.bytes, b.offset, b.length);
    }
}
