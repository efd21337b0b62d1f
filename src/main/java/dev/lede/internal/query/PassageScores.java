package dev.lede.internal.query;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default passage score (BM25 over the passage as a small document), computed with the
 * same arithmetic in the same order, so the same passages win, but without the {@code
 * BytesRefHash} Lucene's {@link PassageScorer#score} builds to count each term once: that hash
 * takes a fresh 32 KB block for every passage scored, which was more than half of all the memory a
 * search with snippets allocated, and its collections paused both threads of a two-thread search.
 * Stateless and thread-safe.
 */
final class PassageScores extends PassageScorer {
    /** Up to this many distinct terms in a passage are found by a scan; beyond, through a map. */
    private static final int SCANNED_TERMS = 16;

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        // Distinct terms numbered in order of first match, as the hash numbered them: the sum
        // below then adds the same floats in the same order.
        int[] firstMatch = new int[matches];
        int[] freqInPassage = new int[matches];
        int distinct = 0;
        Map<BytesRef, Integer> numbers = null;
        for (int i = 0; i < matches; i++) {
            int n = numbers != null ? numbers.getOrDefault(terms[i], -1) : scan(terms, firstMatch, distinct, terms[i]);
            if (n < 0) {
                n = distinct++;
                firstMatch[n] = i;
                if (numbers != null) {
                    numbers.put(terms[i], n);
                } else if (distinct > SCANNED_TERMS) {
                    numbers = numbered(terms, firstMatch, distinct);
                }
            }
            freqInPassage[n]++;
        }
        double score = 0d;
        int[] freqInDoc = passage.getMatchTermFreqsInDoc();
        for (int n = 0; n < distinct; n++) {
            score += tf(freqInPassage[n], passage.getLength()) * weight(contentLength, freqInDoc[firstMatch[n]]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }

    /** The number of {@code term} among the first {@code distinct} terms, or -1. */
    private static int scan(BytesRef[] terms, int[] firstMatch, int distinct, BytesRef term) {
        for (int n = 0; n < distinct; n++) {
            if (terms[firstMatch[n]].bytesEquals(term)) {
                return n;
            }
        }
        return -1;
    }

    private static Map<BytesRef, Integer> numbered(BytesRef[] terms, int[] firstMatch, int distinct) {
        Map<BytesRef, Integer> numbers = new HashMap<>();
        for (int n = 0; n < distinct; n++) {
            numbers.put(terms[firstMatch[n]], n);
        }
        return numbers;
    }
}
