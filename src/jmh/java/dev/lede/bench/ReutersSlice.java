package dev.lede.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The articles the JMH benchmarks read: the first N Reuters-21578 records as they are (or
 * recombined past its size, as {@link Corpus} does), the same in every fork and for every system.
 */
final class ReutersSlice {
    /** Recombination and query choice, as in docs/measure/bench.sh. */
    static final long SEED = 42;

    private ReutersSlice() {}

    /** The first {@code articles} articles; fails with the folder it looked in when there is no data. */
    static Corpus first(int articles) throws IOException {
        Path data = Path.of(System.getProperty("lede.shared.data", "../shared/data"));
        Path file = data.resolve("reuters21578/articles.jsonl");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no Reuters data at " + file.toAbsolutePath()
                    + ": the benchmarks need it (-Dlede.shared.data names the folder holding reuters21578/)");
        }
        return Corpus.load("reuters", data, articles, SEED);
    }
}
