package dev.lede.bench;

import dev.lede.article.Article;
import dev.lede.internal.schema.ContentHash;
import dev.lede.internal.schema.ShippedContentHash;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One article's content hash, the work a sync does for every article it offers to tell an unchanged
 * one: Lede's {@link ContentHash} of the article as the benchmark's Lede system builds it (every
 * field it has), from one hasher as a bulk ingest's indexing thread keeps it; with {@code
 * computation=shipped} the computation as it first shipped ({@link ShippedContentHash}, the same
 * bytes); raw Lucene's hash of id, title and body ({@code LuceneSystem.contentHash}). Each call
 * takes the next of the first {@code articles} Reuters articles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ContentHashBenchmark {
    @Param({"lede", "lucene"})
    public String system;

    @Param({"current", "shipped"})
    public String computation;

    @Param("1000")
    public int articles;

    private final List<BenchDoc> docs = new ArrayList<>();
    private final List<Article> ledeArticles = new ArrayList<>();
    private final ContentHash hasher = new ContentHash();
    private boolean shipped;
    private boolean lede;
    private int next;

    @Setup
    public void load() throws IOException {
        lede = switch (system) {
            case "lede" -> true;
            case "lucene" -> false;
            default -> throw new IllegalArgumentException("unknown system: " + system + " (lede, lucene)");
        };
        shipped = switch (computation) {
            case "current" -> false;
            case "shipped" -> true;
            default ->
                throw new IllegalArgumentException(
                        "unknown computation: " + computation + " (current, shipped; Lede's only)");
        };
        for (BenchDoc doc : ReutersSlice.first(articles)) {
            docs.add(doc);
            ledeArticles.add(LedeSystem.article(doc));
        }
    }

    @Benchmark
    public byte[] hashArticle() {
        int i = next;
        next = (i + 1) % docs.size();
        if (!lede) {
            return LuceneSystem.contentHash(docs.get(i));
        }
        Article a = ledeArticles.get(i);
        return shipped ? ShippedContentHash.of(a) : hasher.hash(a);
    }
}
