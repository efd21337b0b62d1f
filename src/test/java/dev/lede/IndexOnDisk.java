package dev.lede;

import dev.lede.internal.schema.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * What the last commit in an index folder holds, read with Lucene alone: the live articles' ids,
 * how many live articles share an id with another, and the commit's generation.
 *
 * @param ids every id with a live article
 * @param articles live articles
 * @param duplicates live articles beyond the first with the same id
 * @param generation the commit's generation (N of {@code segments_N})
 */
record IndexOnDisk(Set<String> ids, long articles, long duplicates, long generation) {

    IndexOnDisk {
        ids = Set.copyOf(ids);
    }

    /** Reads the last commit in {@code folder}. */
    static IndexOnDisk read(Path folder) throws IOException {
        try (Directory dir = FSDirectory.open(folder);
                DirectoryReader reader = DirectoryReader.open(dir)) {
            Map<String, Integer> perId = new HashMap<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                count(leaf, perId);
            }
            long duplicates = perId.values().stream().mapToLong(n -> n - 1).sum();
            return new IndexOnDisk(
                    perId.keySet(),
                    reader.numDocs(),
                    duplicates,
                    reader.getIndexCommit().getGeneration());
        }
    }

    private static void count(LeafReaderContext leaf, Map<String, Integer> perId) throws IOException {
        Terms terms = leaf.reader().terms(Schema.ID);
        if (terms == null) {
            return;
        }
        Bits live = leaf.reader().getLiveDocs();
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = te.next(); term != null; term = te.next()) {
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    perId.merge(term.utf8ToString(), 1, Integer::sum);
                }
            }
        }
    }

    /**
     * Runs Lucene's CheckIndex on {@code folder}, which takes the write lock as a writer would.
     *
     * @return {@code null} when the index is clean, or what is wrong (a lock that cannot be taken
     *     included)
     */
    static String problems(Path folder) {
        try (Directory dir = FSDirectory.open(folder);
                CheckIndex check = new CheckIndex(dir)) {
            CheckIndex.Status status = check.checkIndex();
            if (status.clean) {
                return null;
            }
            return "CheckIndex: " + status.numBadSegments + " bad segments of " + status.numSegments
                    + (status.missingSegments ? ", no readable segments file" : "");
        } catch (IOException | RuntimeException e) {
            return "CheckIndex failed: " + e;
        }
    }
}
