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
 * earlier leader, in which case it joins the best-ranked such leader. The rule only looks back, so
 * the leaders of page 2 are the same whether or not page 1 was asked for, and a copy folded on
 * page 1 never leads on page 2. Within the ranked window, candidates come from a map of the
 * leaders' band keys; across the index (after a cursor, and for related articles) from a point
 * query on the band keys: never from a scan. Thread-safe.
 *
 * <p>Why copies are listed from the ranked window rather than looked up in the index for each hit:
 * a lookup of a page's band keys (65 per hit) in the points tree cost several times the search
 * itself on Reuters, while the window costs a few dozen doc-values reads.
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
     * @param duplicates for each leader on the page, its copies in the window
     * @param more whether there is a leader after the page
     */
    record Page(TopDocs top, ScoreDoc[] page, List<List<Duplicate>> duplicates, boolean more) {}

    /** The first {@code n} ranked articles of the search being collapsed, as (sort values, id) field docs. */
    @FunctionalInterface
    interface Ranking {
        TopDocs top(int n) throws IOException;
    }

    /** A leader (an index into the ranked window) and the indexes of the copies folded into it. */
    private record Group(int leader, BodyFingerprint print, List<Integer> members) {}

    /**
     * The leaders {@code skip} to {@code skip + size} of {@code query} in {@code sort} order (after
     * the cursor {@code after}, when given), ranking windows of growing size up to {@link
     * SearchRequest#MAX_WINDOW} articles until enough leaders are found. A leader's copies are
     * those in the window: it starts at twice the page's end, nearly as cheap as the search without
     * collapsing, and grows only while copies push leaders out of it; copies ranked below the
     * window are folded too when a later page reaches them, but not listed. So that the common
     * page costs no more, there is said to be a next page whenever the window did not reach the
     * last match: it may come back empty when all that is left are copies.
     * {@code ranking} ranks a window (the searcher's own collector, so the same as without collapsing).
     */
    Page page(
            IndexSearcher bounded,
            Query query,
            Sort sort,
            int skip,
            int size,
            FieldDoc after,
            double threshold,
            Ranking ranking)
            throws IOException {
        int want = skip + size;
        int window = Math.min(SearchRequest.MAX_WINDOW, 2 * want);
        while (true) {
            TopDocs top = ranking.top(window);
            List<Group> groups = groups(bounded, query, sort, top.scoreDocs, want + 1, after, threshold);
            boolean exhausted = top.scoreDocs.length < window || window == SearchRequest.MAX_WINDOW;
            if (groups.size() >= want || exhausted || bounded.timedOut()) {
                List<Group> page = groups.subList(Math.min(skip, groups.size()), Math.min(want, groups.size()));
                return new Page(
                        top,
                        page.stream().map(g -> top.scoreDocs[g.leader()]).toArray(ScoreDoc[]::new),
                        duplicates(bounded, top.scoreDocs, page),
                        groups.size() > want || !exhausted);
            }
            window = Math.min(SearchRequest.MAX_WINDOW, window * 4);
        }
    }

    /** Up to {@code limit} groups among {@code ranked}, in order, with every copy in {@code ranked}. */
    private List<Group> groups(
            IndexSearcher searcher,
            Query query,
            Sort sort,
            ScoreDoc[] ranked,
            int limit,
            FieldDoc after,
            double threshold)
            throws IOException {
        BodyFingerprint[] prints = fingerprints(searcher.getIndexReader(), ranked);
        List<Group> groups = new ArrayList<>();
        Map<Long, List<Group>> byKey = new HashMap<>();
        for (int i = 0; i < ranked.length; i++) {
            BodyFingerprint f = prints[i];
            long[] keys = f == null ? null : f.bandKeys();
            Group earlier = f == null ? null : earliestCopied(f, keys, byKey, threshold);
            if (earlier != null) {
                earlier.members().add(i);
                continue;
            }
            if (groups.size() == limit
                    || (after != null
                            && f != null
                            && copiedAtOrBefore(searcher, query, sort, after, ranked[i].doc, f, threshold))) {
                continue;
            }
            Group g = new Group(i, f, new ArrayList<>());
            groups.add(g);
            if (f != null) {
                for (long key : keys) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
                }
            }
        }
        return groups;
    }

    /** The best-ranked group whose leader {@code f} copies, or {@code null}. */
    private static Group earliestCopied(
            BodyFingerprint f, long[] keys, Map<Long, List<Group>> byKey, double threshold) {
        Group earliest = null;
        for (long key : keys) {
            for (Group g : byKey.getOrDefault(key, List.of())) {
                if ((earliest == null || g.leader() < earliest.leader()) && f.similarity(g.print()) >= threshold) {
                    earliest = g;
                }
            }
        }
        return earliest;
    }

    /** Each group's copies, most similar first and then by id. */
    private static List<List<Duplicate>> duplicates(IndexSearcher searcher, ScoreDoc[] ranked, List<Group> groups)
            throws IOException {
        StoredFields stored = searcher.storedFields();
        IndexReader reader = searcher.getIndexReader();
        List<List<Duplicate>> out = new ArrayList<>();
        for (Group g : groups) {
            List<Duplicate> copies = new ArrayList<>();
            for (int m : g.members()) {
                var d = stored.document(ranked[m].doc, Set.of(Schema.ID, Schema.SOURCE, Schema.URL));
                double similarity = g.print().similarity(fingerprint(reader, ranked[m].doc));
                copies.add(new Duplicate(d.get(Schema.ID), d.get(Schema.SOURCE), d.get(Schema.URL), similarity));
            }
            copies.sort(Comparator.comparing((Duplicate d) -> -d.similarity()).thenComparing(Duplicate::id));
            out.add(copies);
        }
        return out;
    }

    /** The stored fingerprints of the ranked documents, read in document order, one pass per segment. */
    private static BodyFingerprint[] fingerprints(IndexReader reader, ScoreDoc[] ranked) throws IOException {
        Integer[] order = new Integer[ranked.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> ranked[i].doc));
        BodyFingerprint[] prints = new BodyFingerprint[ranked.length];
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        for (int i : order) {
            int doc = ranked[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = leaf.reader().getBinaryDocValues(Schema.DUP_FINGERPRINT);
            }
            if (values != null && values.advanceExact(doc - leaf.docBase)) {
                BytesRef b = values.binaryValue();
                prints[i] = BodyFingerprint.fromBytes(b.bytes, b.offset, b.length);
            }
        }
        return prints;
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
