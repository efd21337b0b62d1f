package dev.lede.bench;

import dev.lede.internal.schema.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
 * One article body through the index-time analysis chain: Lede's (its schema's analyzer for the
 * body field) against raw Lucene's hand-written copy of it ({@link LuceneSystem.NewsText}). Each
 * call takes the next of the first {@code articles} Reuters bodies, so the time is an average over
 * real article lengths.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AnalysisBenchmark {
    @Param({"lede", "lucene"})
    public String system;

    @Param("1000")
    public int articles;

    private Analyzer analyzer;
    private String field;
    private final List<String> bodies = new ArrayList<>();
    private int next;

    @Setup
    public void load() throws IOException {
        switch (system) {
            case "lede" -> {
                analyzer = new Schema().analyzer();
                field = Schema.BODY;
            }
            case "lucene" -> {
                analyzer = new LuceneSystem.NewsText();
                field = LuceneSystem.BODY;
            }
            default -> throw new IllegalArgumentException("unknown system: " + system + " (lede, lucene)");
        }
        for (BenchDoc doc : ReutersSlice.first(articles)) {
            bodies.add(doc.body());
        }
    }

    /** The characters of every token of one body (a sum, so that no token goes unused). */
    @Benchmark
    public int analyzeBody() throws IOException {
        String body = bodies.get(next);
        next = (next + 1) % bodies.size();
        int chars = 0;
        try (TokenStream tokens = analyzer.tokenStream(field, body)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                chars += term.length();
            }
            tokens.end();
        }
        return chars;
    }
}
