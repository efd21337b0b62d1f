package dev.lede.internal.schema;

import dev.lede.internal.ingest.TextRules;
import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * What tells two copies of one story apart from two stories: a MinHash signature of an article's
 * normalised body and an exact hash of the same words.
 *
 * <p>The body (never the title, which outlets rewrite, nor a leading syndication notice such as
 * "You can view this story on their website") is folded to lowercase words without accents or
 * apostrophes (so curly and straight quotes agree); its 5-word shingles are hashed to 64 bits, and a one-permutation MinHash keeps
 * {@value #HASHES} minima (the hash picks one of {@value #HASHES} bins, each keeps its smallest
 * value, and empty bins are filled by optimal densification, Shrivastava 2017). The share of equal
 * minima between two signatures estimates the Jaccard similarity of the two shingle sets (standard
 * error about 0.04 at 0.5).
 * The first half of the signature is cut into {@value #BANDS} bands of {@value #ROWS} rows
 * (locality-sensitive hashing): two articles with Jaccard 0.45 (the default collapse threshold)
 * share at least one band with probability 0.9993, at 0.3 with 0.95, unrelated stories (Jaccard
 * under 0.02) with under 0.013, so near-duplicates are found by a point query on the bands and then
 * verified on the whole signature, never by scanning the index. Bands are indexed as points (a
 * 64-bit hash each), which costs a fraction of a term per band in a terms dictionary; a chance
 * collision only costs a verification. (Schema version 2 indexes first had 64 bands, all 128
 * values; band {@code b}'s key has not changed, so those indexes answer the 32-band lookup.)
 *
 * @param minHashes the signature, {@value #HASHES} values
 * @param exact a hash of the normalised words, equal for copies that differ only in case, accents,
 *     punctuation, spacing, title or notice
 */
public record BodyFingerprint(int[] minHashes, long exact) {
    /** Hash functions in a signature. */
    public static final int HASHES = 128;
    /** Signature values per band. */
    public static final int ROWS = 2;
    /**
     * Bands indexed, over the signature's first {@code BANDS * ROWS} values: 64 bands (all values)
     * found 0.45-similar pairs with probability 0.999999 instead of 0.9993, for twice the points.
     */
    public static final int BANDS = 32;
    /** Words per shingle. */
    public static final int SHINGLE = 5;
    /** Bytes of {@link #toBytes()}. */
    public static final int BYTES = HASHES * Integer.BYTES + Long.BYTES;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final int BIN_BITS = 7; // 2^7 = HASHES bins

    public BodyFingerprint {
        if (minHashes.length != HASHES) {
            throw new IllegalArgumentException("a signature has " + HASHES + " values, not " + minHashes.length);
        }
    }

    /** The fingerprint of an article body, or {@code null} when it has no words. */
    public static BodyFingerprint of(String body) {
        long[] wordHashes = wordHashes(TextRules.splitNotice(body.strip()).text());
        if (wordHashes.length == 0) {
            return null;
        }
        // One permutation (one hash per shingle): its top 7 bits pick a bin, its low 32 bits compete
        // for the bin's minimum; empty bins then borrow the minimum of a filled bin chosen by a hash
        // sequence all articles share (optimal densification), so a short article still has a full
        // signature. Far cheaper than 128 hashes per shingle, with the same estimator.
        long[] min = new long[HASHES];
        Arrays.fill(min, Long.MAX_VALUE);
        int shingles = Math.max(1, wordHashes.length - SHINGLE + 1);
        for (int s = 0; s < shingles; s++) {
            long h = 0;
            for (int w = s; w < Math.min(s + SHINGLE, wordHashes.length); w++) {
                h = mix(h * 31 + wordHashes[w]);
            }
            int bin = (int) (h >>> (Long.SIZE - BIN_BITS));
            long v = h & 0xFFFF_FFFFL;
            if (v < min[bin]) {
                min[bin] = v;
            }
        }
        int[] signature = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            signature[i] = (int) (min[i] != Long.MAX_VALUE ? min[i] : min[filledBin(min, i)]);
        }
        long exact = wordHashes.length;
        for (long w : wordHashes) {
            exact = mix(exact * 0x9E3779B97F4A7C15L + w);
        }
        return new BodyFingerprint(signature, exact);
    }

    /**
     * A 64-bit hash of each word of the text: lowercase, accents and apostrophes dropped, split at
     * anything that is not a letter or digit. One pass over the characters (accents are taken off
     * first only when the text has non-ASCII characters; ASCII characters are told apart without
     * Unicode tables), since this runs for every article ingested.
     */
    static long[] wordHashes(String text) {
        String folded = isAscii(text)
                ? text
                : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                        .replaceAll("");
        int n = folded.length();
        long[] hashes = new long[Math.max(8, n / 5)];
        int count = 0;
        long h = 0;
        int length = 0;
        for (int i = 0; i <= n; i++) {
            int c = i < n ? folded.charAt(i) : ' ';
            if (Character.isHighSurrogate((char) c) && i + 1 < n && Character.isLowSurrogate(folded.charAt(i + 1))) {
                c = Character.toCodePoint((char) c, folded.charAt(++i));
            }
            int lower = lowerLetterOrDigit(c);
            if (lower >= 0) {
                h = h * 0x100000001B3L + lower;
                length++;
            } else if (length > 0 && !isApostrophe(c)) {
                if (count == hashes.length) {
                    hashes = Arrays.copyOf(hashes, count * 2);
                }
                hashes[count++] = mix(h + length);
                h = 0;
                length = 0;
            }
        }
        return Arrays.copyOf(hashes, count);
    }

    /**
     * {@code Character.toLowerCase(c)} when {@code Character.isLetterOrDigit(c)}, else -1; for ASCII
     * without looking the character up.
     */
    private static int lowerLetterOrDigit(int c) {
        if (c < 0x80) {
            int lower = c | 0x20; // 'A'-'Z' to 'a'-'z'; no other character lands in 'a'-'z'
            if (lower >= 'a' && lower <= 'z') {
                return lower;
            }
            return c >= '0' && c <= '9' ? c : -1;
        }
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : -1;
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u02BC' || c == '`' || c == '\u00B4';
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Estimated Jaccard similarity of the two bodies' shingle sets: 1 for exact copies. */
    public double similarity(BodyFingerprint other) {
        if (exact == other.exact) {
            return 1;
        }
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (minHashes[i] == other.minHashes[i]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    /**
     * The values indexed for candidate lookup: one per band (its position and values hashed), and
     * the exact hash. Two articles sharing any of them are candidates.
     */
    public long[] bandKeys() {
        long[] keys = new long[BANDS + 1];
        for (int b = 0; b < BANDS; b++) {
            long h = b + 1;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 0x100000001B3L + minHashes[b * ROWS + r]);
            }
            keys[b] = h;
        }
        keys[BANDS] = exact;
        return keys;
    }

    /** The fingerprint as stored: the signature's values, then the exact hash, big-endian. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(BYTES);
        for (int v : minHashes) {
            b.putInt(v);
        }
        return b.putLong(exact).array();
    }

    /** The fingerprint stored as {@code bytes[offset..offset + BYTES)}. */
    public static BodyFingerprint fromBytes(byte[] bytes, int offset, int length) {
        if (length != BYTES) {
            throw new IllegalArgumentException("a stored fingerprint has " + BYTES + " bytes, not " + length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, length);
        int[] signature = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            signature[i] = b.getInt();
        }
        return new BodyFingerprint(signature, b.getLong());
    }

    /** The filled bin an empty bin {@code i} borrows from: the first filled one of its own hash sequence. */
    private static int filledBin(long[] min, int i) {
        int first = i * PROBES_KEPT;
        for (int attempt = 0; attempt < PROBES_KEPT; attempt++) {
            int j = PROBES[first + attempt];
            if (min[j] != Long.MAX_VALUE) {
                return j;
            }
        }
        for (long attempt = PROBES_KEPT + 1; attempt <= 10_000; attempt++) {
            int j = probe(i, attempt);
            if (min[j] != Long.MAX_VALUE) {
                return j;
            }
        }
        for (int j = 0; ; j++) { // not reached in practice: at least one bin is filled
            if (min[j] != Long.MAX_VALUE) {
                return j;
            }
        }
    }

    /** The bin an empty bin {@code i} tries at {@code attempt} (from 1): the same for every article. */
    private static int probe(int i, long attempt) {
        return (int) (mix(i * 0x9E3779B97F4A7C15L + attempt) >>> (Long.SIZE - BIN_BITS));
    }

    // Each bin's first PROBES_KEPT attempts, worked out once: an article leaves about a third of
    // its bins empty, and nearly every one finds a filled bin within these.
    private static final int PROBES_KEPT = 16;
    private static final byte[] PROBES = probes();

    private static byte[] probes() {
        byte[] probes = new byte[HASHES * PROBES_KEPT];
        for (int i = 0; i < HASHES; i++) {
            for (int attempt = 1; attempt <= PROBES_KEPT; attempt++) {
                probes[i * PROBES_KEPT + attempt - 1] = (byte) probe(i, attempt);
            }
        }
        return probes;
    }

    /** A 64-bit finaliser (SplitMix64's): spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
