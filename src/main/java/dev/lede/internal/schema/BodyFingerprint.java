package dev.lede.internal.schema;

import dev.lede.internal.ingest.TextRules;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * What tells two copies of one story apart from two stories: a MinHash signature of an article's
 * normalised body and an exact hash of the same words.
 *
 * <p>The body (never the title, which outlets rewrite, nor a leading syndication notice such as
 * "You can view this story on their website") is folded to lowercase words without accents or
 * apostrophes; its 5-word shingles are hashed to 64 bits, and {@value #HASHES} independent
 * multiply-add hashes of each keep their minimum. The share of equal minima between two signatures
 * estimates the Jaccard similarity of the two shingle sets (standard error about 0.04 at 0.5).
 * The signature is cut into {@value #BANDS} bands of {@value #ROWS} rows (locality-sensitive
 * hashing): two articles with Jaccard 0.3 share at least one band with probability 0.998, at 0.2
 * with 0.93, unrelated stories (Jaccard under 0.02) with under 0.03, so near-duplicates are found
 * by a term query on the bands and then verified on the signatures, never by scanning the index.
 * A band term is 40 bits of the band's hash: a chance collision only costs a verification.
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
    /** Bands in a signature. */
    public static final int BANDS = HASHES / ROWS;
    /** Words per shingle. */
    public static final int SHINGLE = 5;
    /** Bytes of {@link #toBytes()}. */
    public static final int BYTES = HASHES * Integer.BYTES + Long.BYTES;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02BC`\u00B4]");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    // Seeded, so that every index and every run agree on the hash functions.
    private static final long[] MULTIPLIERS = new long[HASHES];
    private static final long[] ADDENDS = new long[HASHES];

    static {
        Random random = new Random(0x1ede_d0b1_e5L);
        for (int i = 0; i < HASHES; i++) {
            MULTIPLIERS[i] = random.nextLong() | 1L;
            ADDENDS[i] = random.nextLong();
        }
    }

    public BodyFingerprint {
        if (minHashes.length != HASHES) {
            throw new IllegalArgumentException("a signature has " + HASHES + " values, not " + minHashes.length);
        }
    }

    /** The fingerprint of an article body, or {@code null} when it has no words. */
    public static BodyFingerprint of(String body) {
        List<String> words = words(TextRules.splitNotice(body.strip()).text());
        if (words.isEmpty()) {
            return null;
        }
        long[] wordHashes = new long[words.size()];
        for (int i = 0; i < wordHashes.length; i++) {
            wordHashes[i] = mix(
                    words.get(i).hashCode() * 0x9E3779B97F4A7C15L + words.get(i).length());
        }
        long[] min = new long[HASHES];
        Arrays.fill(min, Long.MAX_VALUE);
        int shingles = Math.max(1, wordHashes.length - SHINGLE + 1);
        for (int s = 0; s < shingles; s++) {
            long h = 0;
            for (int w = s; w < Math.min(s + SHINGLE, wordHashes.length); w++) {
                h = mix(h * 31 + wordHashes[w]);
            }
            for (int i = 0; i < HASHES; i++) {
                long v = (h * MULTIPLIERS[i] + ADDENDS[i]) >>> 32;
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        int[] signature = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            signature[i] = (int) min[i];
        }
        return new BodyFingerprint(signature, exactHash(words));
    }

    /** The body's words: lowercase, accents and apostrophes dropped, split at anything else. */
    static List<String> words(String body) {
        String folded =
                MARKS.matcher(Normalizer.normalize(body, Normalizer.Form.NFKD)).replaceAll("");
        folded = APOSTROPHES.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
        List<String> words = new ArrayList<>();
        for (String w : NON_WORD.split(folded)) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
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
     * The terms indexed for candidate lookup: one per band (its position and values hashed), and
     * one for the exact hash. Two articles sharing any of them are candidates.
     */
    public List<String> terms() {
        List<String> terms = new ArrayList<>(BANDS + 1);
        for (int b = 0; b < BANDS; b++) {
            long h = b + 1;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 0x100000001B3L + minHashes[b * ROWS + r]);
            }
            terms.add(Long.toHexString(h >>> 24));
        }
        terms.add("=" + Long.toHexString(exact));
        return terms;
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

    private static long exactHash(List<String> words) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.join(" ", words).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A 64-bit finaliser (SplitMix64's): spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
