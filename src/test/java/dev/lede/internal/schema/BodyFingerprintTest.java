package dev.lede.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.TestFiles;
import dev.lede.internal.ingest.TextRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints are stored in the index and compared with those of articles added later, by any
 * Lede version since schema version 2: a faster computation must give the same values. {@link
 * Reference} is the computation as schema version 2 first shipped it (code point by code point,
 * Unicode look-ups for every character, densification probes hashed each time).
 */
class BodyFingerprintTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void of_shippedSampleArticles_givesTheValuesVersionTwoStored() throws IOException {
        List<String> bodies = new ArrayList<>();
        for (String line :
                Files.readAllLines(TestFiles.sampleArticles().resolve("wikinews.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode record = JSON.readTree(line);
            bodies.add(record.get("body").asText());
        }
        bodies.add(TestFiles.seedText());
        assertThat(bodies).hasSize(292);
        for (String body : bodies) {
            assertSameAsReference(body);
        }
    }

    @Test
    void of_textsWithEveryKindOfCharacterBoundary_givesTheValuesVersionTwoStored() {
        // Characters next to the ASCII letter and digit ranges, apostrophes of every kind, accents
        // (precomposed and combining), letters outside the BMP (paired surrogates), lone surrogates,
        // non-Latin letters and digits, and a leading syndication notice.
        String[] pieces = {
            "a",
            "Z",
            "m",
            "0",
            "9",
            "@",
            "[",
            "`",
            "{",
            "/",
            ":",
            "'",
            "\u2019",
            "\u2018",
            "\u02BC",
            "\u00B4",
            " ",
            "  ",
            "\n",
            "-",
            ".",
            "\u00E9",
            "e\u0301",
            "\u00DF",
            "\u0130",
            "\u03A3",
            "\u0416",
            "\u0663",
            "\uD835\uDC00",
            "\uD83D\uDE00",
            "\uD835",
            "\uDC00",
            "\u00A0",
            "\uFB01",
            "\u2160",
            "\u00BD",
            "Caf\u00E9",
            "DREAMers",
            "city\u2019s",
            "rock'n'roll",
            "2019",
            "x86_64"
        };
        Random random = new Random(20261207);
        for (int t = 0; t < 3_000; t++) {
            StringBuilder text = new StringBuilder();
            if (t % 10 == 0) {
                text.append("You can view this story on their website.\n\n");
            }
            int length = random.nextInt(t % 3 == 0 ? 400 : 40);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSameAsReference(text.toString());
        }
    }

    @Test
    void wordHashes_asciiAndItsUnicodeSpelling_agree() {
        // Case, accents and apostrophes do not tell words apart; anything else splits them.
        assertThat(BodyFingerprint.wordHashes("The CITY\u2019S caf\u00E9, Zurich-2019"))
                .containsExactly(BodyFingerprint.wordHashes("the city's cafe zurich 2019"));
        assertThat(BodyFingerprint.wordHashes("a@b[c{d")).hasSize(4);
        assertThat(BodyFingerprint.wordHashes("rock`n'roll")).containsExactly(BodyFingerprint.wordHashes("rocknroll"));
        assertThat(BodyFingerprint.wordHashes("\uD835\uDC00\uD835\uDC01")).hasSize(1);
    }

    private static void assertSameAsReference(String body) {
        BodyFingerprint actual = BodyFingerprint.of(body);
        BodyFingerprint expected = Reference.of(body);
        if (expected == null) {
            assertThat(actual).as(body).isNull();
            return;
        }
        assertThat(actual).as(body).isNotNull();
        assertThat(actual.minHashes()).as(body).containsExactly(expected.minHashes());
        assertThat(actual.exact()).as(body).isEqualTo(expected.exact());
    }

    /** The fingerprint computation of schema version 2 as first written, kept as the reference. */
    private static final class Reference {
        private static final Pattern MARKS = Pattern.compile("\\p{M}+");
        private static final int BIN_BITS = 7;

        static BodyFingerprint of(String body) {
            long[] wordHashes = wordHashes(TextRules.splitNotice(body.strip()).text());
            if (wordHashes.length == 0) {
                return null;
            }
            long[] min = new long[BodyFingerprint.HASHES];
            Arrays.fill(min, Long.MAX_VALUE);
            int shingles = Math.max(1, wordHashes.length - BodyFingerprint.SHINGLE + 1);
            for (int s = 0; s < shingles; s++) {
                long h = 0;
                for (int w = s; w < Math.min(s + BodyFingerprint.SHINGLE, wordHashes.length); w++) {
                    h = mix(h * 31 + wordHashes[w]);
                }
                int bin = (int) (h >>> (Long.SIZE - BIN_BITS));
                long v = h & 0xFFFF_FFFFL;
                if (v < min[bin]) {
                    min[bin] = v;
                }
            }
            int[] signature = new int[BodyFingerprint.HASHES];
            for (int i = 0; i < BodyFingerprint.HASHES; i++) {
                signature[i] = (int) (min[i] != Long.MAX_VALUE ? min[i] : min[filledBin(min, i)]);
            }
            long exact = wordHashes.length;
            for (long w : wordHashes) {
                exact = mix(exact * 0x9E3779B97F4A7C15L + w);
            }
            return new BodyFingerprint(signature, exact);
        }

        static long[] wordHashes(String text) {
            String folded = text.chars().allMatch(c -> c < 0x80)
                    ? text
                    : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                            .replaceAll("");
            long[] hashes = new long[Math.max(8, folded.length() / 5)];
            int count = 0;
            long h = 0;
            int length = 0;
            for (int i = 0; i <= folded.length(); ) {
                int c = i < folded.length() ? folded.codePointAt(i) : ' ';
                i += Character.charCount(c);
                if (Character.isLetterOrDigit(c)) {
                    h = h * 0x100000001B3L + Character.toLowerCase(c);
                    length++;
                } else if (length > 0
                        && !(c == '\''
                                || c == '\u2018'
                                || c == '\u2019'
                                || c == '\u02BC'
                                || c == '`'
                                || c == '\u00B4')) {
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

        private static int filledBin(long[] min, int i) {
            for (long attempt = 1; attempt <= 10_000; attempt++) {
                int j = (int) (mix(i * 0x9E3779B97F4A7C15L + attempt) >>> (Long.SIZE - BIN_BITS));
                if (min[j] != Long.MAX_VALUE) {
                    return j;
                }
            }
            for (int j = 0; ; j++) {
                if (min[j] != Long.MAX_VALUE) {
                    return j;
                }
            }
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
