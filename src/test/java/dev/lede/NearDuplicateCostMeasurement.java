package dev.lede;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import dev.lede.internal.schema.BodyFingerprint;
import dev.lede.internal.schema.Schema;
import dev.lede.query.Collapse;
import dev.lede.query.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * What near-duplicate detection costs, and how many near-duplicates Reuters-21578 holds: run on
 * purpose with {@code mvn -o test -Dtest=NearDuplicateCostMeasurement -Dlede.dedup.measure=true} (or a comma-separated
 * choice of {@code real,ingest,search}).
 * Prints ratios of alternating runs, never asserts a time.
 */
class NearDuplicateCostMeasurement {
    private static final int ROUNDS = Integer.getInteger("lede.dedup.rounds", 5);

    @Test
    void measure() throws IOException {
        String parts = System.getProperty("lede.dedup.measure", "");
        assumeTrue(!parts.isEmpty(), "run on purpose with -Dlede.dedup.measure=true (or real,ingest,search)");
        Path shared = TestFiles.sharedData();
        Path file = shared == null ? null : shared.resolve("reuters21578/articles.jsonl");
        assumeTrue(file != null && Files.isRegularFile(file), "no Reuters-21578 data at " + file);
        List<Article> articles = read(file);
        System.out.println("NearDuplicateCostMeasurement: " + articles.size() + " Reuters articles");
        boolean all = parts.equals("true");
        if (all || parts.contains("real")) {
            realDuplicates(articles);
        }
        if (all || parts.contains("ingest")) {
            ingestCost(articles);
        }
        if (all || parts.contains("search")) {
            searchCost(articles);
        }
    }

    /** Pairs of Reuters articles at or above the default threshold, found as the index finds them. */
    private static void realDuplicates(List<Article> articles) {
        Map<Long, List<Integer>> byTerm = new HashMap<>();
        List<BodyFingerprint> prints = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            BodyFingerprint f = BodyFingerprint.of(articles.get(i).body());
            prints.add(f);
            if (f != null) {
                for (long t : f.bandKeys()) {
                    byTerm.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
                }
            }
        }
        Map<Long, Double> pairs = new java.util.TreeMap<>();
        for (List<Integer> bucket : byTerm.values()) {
            for (int x = 0; x < bucket.size(); x++) {
                for (int y = x + 1; y < bucket.size(); y++) {
                    int a = bucket.get(x), b = bucket.get(y);
                    long key = (long) Math.min(a, b) << 32 | Math.max(a, b);
                    double similarity = prints.get(a).similarity(prints.get(b));
                    if (similarity >= 0.3) {
                        pairs.put(key, similarity);
                    }
                }
            }
        }
        for (double t : new double[] {0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}) {
            Set<Integer> involved = new TreeSet<>();
            long count = pairs.entrySet().stream()
                    .filter(e -> e.getValue() >= t)
                    .peek(e -> {
                        involved.add((int) (e.getKey() >>> 32));
                        involved.add((int) (long) e.getKey());
                    })
                    .count();
            System.out.printf(
                    Locale.ROOT,
                    "Reuters near-duplicate pairs at %.2f%s: %d among %d articles%n",
                    t,
                    t == Collapse.DEFAULT_THRESHOLD ? " (default)" : "",
                    count,
                    involved.size());
        }
        // A seeded sample of pairs just above the default threshold, to read.
        List<Map.Entry<Long, Double>> near = new ArrayList<>(pairs.entrySet());
        near.removeIf(
                e -> e.getValue() < Collapse.DEFAULT_THRESHOLD || e.getValue() >= Collapse.DEFAULT_THRESHOLD + 0.15);
        java.util.Collections.shuffle(near, new Random(11));
        near.stream().limit(12).forEach(e -> {
            Article a = articles.get((int) (e.getKey() >>> 32));
            Article b = articles.get((int) (long) e.getKey());
            System.out.printf(
                    Locale.ROOT, "  %s \"%s\" ~ %s \"%s\" %.2f%n", a.id(), a.title(), b.id(), b.title(), e.getValue());
        });
    }

    /** Indexing with and without fingerprints, one thread, alternating. */
    private static void ingestCost(List<Article> articles) throws IOException {
        Schema with = new Schema();
        Schema without = new Schema(
                null, java.util.EnumSet.of(dev.lede.IndexFeature.SPELLING, dev.lede.IndexFeature.TITLE_SUGGESTIONS));
        index(articles, with); // warm up
        index(articles, without);
        long withNanos = 0, withoutNanos = 0;
        for (int r = 0; r < ROUNDS; r++) {
            withNanos += index(articles, with);
            withoutNanos += index(articles, without);
        }
        long fingerprintNanos = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            for (Article a : articles) {
                BodyFingerprint.of(a.body());
            }
            fingerprintNanos += System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "fingerprints alone: %d ms a round%n", fingerprintNanos / ROUNDS / 1_000_000);
        System.out.printf(
                Locale.ROOT,
                "ingest (IndexWriter, 1 thread, %d rounds): with fingerprints %d ms, without %d"
                        + " ms a round: ratio %.3f%n",
                ROUNDS,
                withNanos / ROUNDS / 1_000_000,
                withoutNanos / ROUNDS / 1_000_000,
                withNanos / (double) withoutNanos);
    }

    private static long index(List<Article> articles, Schema schema) throws IOException {
        long start = System.nanoTime();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
                IndexWriter w = new IndexWriter(
                        dir,
                        new IndexWriterConfig(schema.analyzer())
                                .setSimilarity(schema.similarity())
                                .setRAMBufferSizeMB(256))) {
            for (Article a : articles) {
                w.addDocument(schema.toDocument(a));
            }
            w.commit();
        }
        return System.nanoTime() - start;
    }

    /** The same queries with and without collapse, alternating rounds. */
    private static void searchCost(List<Article> articles) throws IOException {
        Random random = new Random(7);
        List<String> queries = new ArrayList<>();
        while (queries.size() < 300) {
            String[] words = articles.get(random.nextInt(articles.size()))
                    .title()
                    .toLowerCase(Locale.ROOT)
                    .split("\\W+");
            if (words.length >= 2) {
                queries.add(words[0] + " " + words[1]);
            }
        }
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.addAll(articles);
            run(index, queries, false);
            run(index, queries, true);
            // Alternating query by query, so that the load of a shared machine falls on both alike.
            long on = 0, off = 0;
            for (int r = 0; r < ROUNDS; r++) {
                for (String q : queries) {
                    off += run(index, List.of(q), false);
                    on += run(index, List.of(q), true);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "search (%d two-word title queries, top 10, highlighted, alternating query by query, %d rounds): with"
                            + " collapse %.3f ms, without %.3f ms a query: ratio %.3f%n",
                    queries.size(),
                    ROUNDS,
                    on / (double) ROUNDS / queries.size() / 1e6,
                    off / (double) ROUNDS / queries.size() / 1e6,
                    on / (double) off);
        }
    }

    private static long run(ArticleIndex index, List<String> queries, boolean collapse) throws IOException {
        long start = System.nanoTime();
        for (String q : queries) {
            index.search(SearchRequest.of(q).collapse(collapse));
        }
        return System.nanoTime() - start;
    }

    private static List<Article> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Article> articles = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode r = json.readTree(line);
            String body = r.path("body").asText("");
            String title = r.path("title").asText("");
            if (body.isBlank() && title.isBlank()) {
                continue;
            }
            articles.add(Article.builder("reuters-" + r.get("id").asText())
                    .title(title.isBlank() ? body.substring(0, Math.min(60, body.length())) : title)
                    .body(body)
                    .source("Reuters")
                    .build());
        }
        return articles;
    }
}
