package dev.lede.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.ArticleIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Title-autocomplete latency, keystroke by keystroke, at N articles: a measurement, not a check,
 * so it runs only when asked, and prints its figures.
 *
 * <pre>
 * mvn -o test -Dtest=SuggestLatencyTest -Dlede.bench.suggest=100000
 * </pre>
 *
 * <p>Indexes N Reuters-based articles ({@link Corpus}) on disk, picks 300 titles (seed 42), and from
 * a random word of each types up to three words one character at a time, calling {@code
 * suggest(typed, 10)} at every keystroke: one warm-up pass, then the timed pass.
 */
@EnabledIfSystemProperty(named = "lede.bench.suggest", matches = "\\d+")
class SuggestLatencyTest {
    @TempDir
    Path folder;

    @Test
    void suggest_latencyPerKeystroke() throws IOException {
        int n = Integer.parseInt(System.getProperty("lede.bench.suggest"));
        Path data = Path.of(System.getProperty("lede.shared.data", "../shared/data"));
        Corpus corpus = Corpus.load("reuters", data, n, 42);
        try (ArticleIndex index = ArticleIndex.open(folder.resolve("index"))) {
            long t = System.nanoTime();
            index.addAll(LedeSystem.articles(corpus));
            index.commit();
            System.out.printf(
                    Locale.ROOT, "indexed %d articles in %.1f s%n", index.count(), (System.nanoTime() - t) / 1e9);
            List<String> typed = keystrokes(corpus);
            for (String s : typed) {
                index.suggest(s, 10); // warm-up
            }
            long[] nanos = new long[typed.size()];
            int empty = 0;
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                empty += index.suggest(typed.get(i), 10).isEmpty() ? 1 : 0;
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(
                    Locale.ROOT,
                    "suggest(typed, 10) at %d articles, %d keystrokes (%d with no title): p50 %.3f ms, p90 %.3f ms,"
                            + " p99 %.3f ms, max %.3f ms%n",
                    index.count(),
                    nanos.length,
                    empty,
                    nanos[nanos.length / 2] / 1e6,
                    nanos[nanos.length * 9 / 10] / 1e6,
                    nanos[nanos.length * 99 / 100] / 1e6,
                    nanos[nanos.length - 1] / 1e6);
            assertThat(empty).isLessThan(nanos.length);
        }
    }

    /** Every prefix of up to three words typed from a random word of 300 titles. */
    private static List<String> keystrokes(Corpus corpus) {
        SplittableRandom r = new SplittableRandom(42);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String[] words = corpus.get(r.nextInt(corpus.size()))
                    .title()
                    .toLowerCase(Locale.ROOT)
                    .split("\\s+");
            int from = r.nextInt(words.length);
            String text = String.join(" ", Arrays.copyOfRange(words, from, Math.min(words.length, from + 3)));
            for (int end = 1; end <= text.length(); end++) {
                out.add(text.substring(0, end));
            }
        }
        return out;
    }
}
