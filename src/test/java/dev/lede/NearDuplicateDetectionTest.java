package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.internal.schema.BodyFingerprint;
import dev.lede.query.Collapse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of near-duplicate detection on {@link NearDuplicateSet}: a pair is detected
 * when the two fingerprints share a band (the candidate lookup search uses) and their estimated
 * similarity reaches {@link Collapse#DEFAULT_THRESHOLD}. Small and seeded in {@code mvn verify};
 * {@code -Dlede.dedup.full=true} runs every eligible story and prints the figures at several
 * thresholds. Skips with a message when ../shared/data is absent.
 */
class NearDuplicateDetectionTest {
    private static final long SEED = 20261128L;

    record Score(int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return truePositives / (double) Math.max(1, truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) Math.max(1, truePositives + falseNegatives);
        }
    }

    @Test
    void seededEditsAgainstSameTopicStories_precisionAtLeast95RecallAtLeast90() throws IOException {
        boolean full = Boolean.getBoolean("lede.dedup.full");
        List<NearDuplicateSet.Pair> pairs = new ArrayList<>();
        pairs.addAll(
                NearDuplicateSet.pairs(stories("reuters21578/articles.jsonl", "reuters-"), full ? 100_000 : 200, SEED));
        pairs.addAll(NearDuplicateSet.pairs(stories("bbc-news/articles.jsonl", "bbc-"), full ? 100_000 : 100, SEED));

        Score score = score(pairs, Collapse.DEFAULT_THRESHOLD);
        System.out.printf(
                Locale.ROOT,
                "NearDuplicateDetectionTest: %d pairs, threshold %.2f: precision %.4f, recall %.4f (%s)%n",
                pairs.size(),
                Collapse.DEFAULT_THRESHOLD,
                score.precision(),
                score.recall(),
                score);
        if (full) {
            for (double t = 0.3; t <= 0.91; t += 0.05) {
                Score s = score(pairs, t);
                System.out.printf(
                        Locale.ROOT,
                        "  threshold %.2f: precision %.4f, recall %.4f %s%n",
                        t,
                        s.precision(),
                        s.recall(),
                        s);
            }
        }

        assertThat(score.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.90);
    }

    static Score score(List<NearDuplicateSet.Pair> pairs, double threshold) {
        int tp = 0, fp = 0, fn = 0;
        for (NearDuplicateSet.Pair p : pairs) {
            boolean detected = detected(p.a().body(), p.b().body(), threshold);
            if (detected && p.duplicate()) {
                tp++;
            } else if (detected) {
                fp++;
            } else if (p.duplicate()) {
                fn++;
            }
        }
        return new Score(tp, fp, fn);
    }

    /** What collapsing decides: a shared band term (the candidate lookup), then the similarity. */
    static boolean detected(String a, String b, double threshold) {
        BodyFingerprint fa = BodyFingerprint.of(a);
        BodyFingerprint fb = BodyFingerprint.of(b);
        if (fa == null || fb == null) {
            return false;
        }
        var shared = new HashSet<Long>();
        for (long k : fa.bandKeys()) {
            shared.add(k);
        }
        boolean candidate = false;
        for (long k : fb.bandKeys()) {
            candidate |= shared.contains(k);
        }
        return candidate && fa.similarity(fb) >= threshold;
    }

    static List<NearDuplicateSet.Story> stories(String file, String idPrefix) throws IOException {
        Path shared = TestFiles.sharedData();
        Path path = shared == null ? null : shared.resolve(file);
        if (path == null || !Files.isRegularFile(path)) {
            String why = "skipped: no data at " + (path == null ? "lede.shared.data (property unset)" : path);
            System.out.println("NearDuplicateDetectionTest " + why);
            Assumptions.abort(why);
        }
        return NearDuplicateSet.read(path, idPrefix);
    }
}
