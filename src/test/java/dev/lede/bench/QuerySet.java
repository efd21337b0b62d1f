package dev.lede.bench;

import dev.lede.bench.BenchQuery.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * A deterministic mix of queries drawn from a corpus: single words of high, mid and low document
 * frequency, ORs and ANDs of 2 or 3 words, and 2-word phrases that occur in the text. Frequencies
 * are counted on the first {@value #SAMPLE} articles; stop words and words with digits are left
 * out, so every system sees the same words and none drops one.
 */
final class QuerySet {
    static final int SAMPLE = 20_000;
    private static final Pattern TOKENS = Pattern.compile("[A-Za-z0-9]+|[^A-Za-z0-9 ]");
    private static final Pattern WORD = Pattern.compile("[a-z]{3,}");

    private QuerySet() {}

    /** {@code perKind} queries of each {@link Kind}, drawn with {@code seed}. */
    static List<BenchQuery> generate(Corpus corpus, int perKind, long seed) {
        Map<String, Integer> df = new HashMap<>();
        Map<String, Integer> pairDf = new HashMap<>();
        int sample = Math.min(SAMPLE, corpus.size());
        for (int i = 0; i < sample; i++) {
            BenchDoc doc = corpus.get(i);
            count(doc.title() + " . " + doc.body(), df, pairDf);
        }
        List<String> byDf = new ArrayList<>(df.keySet());
        byDf.sort((a, b) -> df.get(b) - df.get(a) != 0 ? df.get(b) - df.get(a) : a.compareTo(b));
        List<String> high = byDf.subList(0, Math.min(byDf.size(), Math.max(50, byDf.size() / 200)));
        List<String> mid = band(byDf, df, Math.max(3, sample / 200), Math.max(5, sample / 50));
        List<String> low = band(byDf, df, 2, 5);
        List<String> pairs = new ArrayList<>(pairDf.keySet());
        pairs.removeIf(p -> pairDf.get(p) < 3);
        Collections.sort(pairs);

        Random random = new Random(seed);
        List<BenchQuery> queries = new ArrayList<>();
        for (int q = 0; q < perKind; q++) {
            queries.add(new BenchQuery(Kind.TERM_HIGH, List.of(pick(high, random))));
            queries.add(new BenchQuery(Kind.TERM_MID, List.of(pick(mid, random))));
            queries.add(new BenchQuery(Kind.TERM_LOW, List.of(pick(low, random))));
            queries.add(new BenchQuery(Kind.OR, distinct(random, 2 + q % 2, high, mid)));
            queries.add(new BenchQuery(Kind.AND, distinct(random, 2 + q % 2, high, high)));
            queries.add(new BenchQuery(Kind.PHRASE, List.of(pick(pairs, random).split(" "))));
        }
        return queries;
    }

    private static void count(String text, Map<String, Integer> df, Map<String, Integer> pairDf) {
        Set<String> words = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        String previous = null;
        Matcher m = TOKENS.matcher(text);
        while (m.find()) {
            String token = m.group().toLowerCase(Locale.ROOT);
            if (!usable(token)) {
                previous = null;
                continue;
            }
            words.add(token);
            if (previous != null) {
                pairs.add(previous + " " + token);
            }
            previous = token;
        }
        words.forEach(w -> df.merge(w, 1, Integer::sum));
        pairs.forEach(p -> pairDf.merge(p, 1, Integer::sum));
    }

    private static boolean usable(String token) {
        return WORD.matcher(token).matches() && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(token);
    }

    private static List<String> band(List<String> byDf, Map<String, Integer> df, int min, int max) {
        List<String> out = new ArrayList<>();
        for (String w : byDf) {
            int n = df.get(w);
            if (n >= min && n <= max) {
                out.add(w);
            }
        }
        Collections.sort(out);
        return out.isEmpty() ? byDf.subList(byDf.size() / 2, byDf.size() / 2 + 1) : out;
    }

    private static String pick(List<String> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<String> distinct(Random random, int n, List<String> first, List<String> rest) {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String w = pick(out.isEmpty() ? first : rest, random);
            if (!out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }
}
