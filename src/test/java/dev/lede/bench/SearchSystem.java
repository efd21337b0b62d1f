package dev.lede.bench;

import dev.lede.IndexFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One system under test, doing the same work as the others: index the articles (upsert by id,
 * title and body searchable and highlightable, the article stored), then answer top-10 queries,
 * loading each hit's stored article and, on request, highlighting its title and one body passage.
 * A search may be called from several threads at once.
 */
interface SearchSystem extends AutoCloseable {
    /** Hits asked for per query. */
    int TOP = 10;

    /** The name used in tables and on the command line. */
    String name();

    /** Creates the index in {@code folder} and indexes {@code articles} durably. */
    void ingest(Path folder, Iterable<BenchDoc> articles) throws IOException;

    /**
     * Indexes {@code articles} again into the index {@link #ingest} made, as a later sync of the
     * same source does: upsert by id, skipping each article whose title and body the index already
     * holds, each system the way it is usually done; durably, and searchable afterwards.
     */
    void reingest(Iterable<BenchDoc> articles) throws IOException;

    /**
     * Opens the index a run of this system left in {@code folder} (its first ingest and sync
     * written, its writer closed), to sync it again with {@link #reingest}.
     *
     * @throws UnsupportedOperationException for a system that cannot
     */
    default void reopen(Path folder) throws IOException {
        throw new UnsupportedOperationException(name() + " cannot reopen an index");
    }

    /** The ids of the top hits, best first, with one snippet per hit when {@code highlight}. */
    List<String> search(BenchQuery query, boolean highlight) throws IOException;

    @Override
    void close() throws IOException;

    /** The system named {@code name}. */
    static SearchSystem named(String name, int threads) {
        return switch (name) {
            case "lede" -> new LedeSystem(threads, IndexFeature.all());
            case "lede-lean" -> new LedeSystem(threads, Set.of());
            case "lucene" -> new LuceneSystem(threads, true);
            case "lucene-plain" -> new LuceneSystem(threads, false);
            case "fts5" -> new Fts5System();
            default ->
                throw new IllegalArgumentException(
                        "unknown system: " + name + " (lede, lede-lean, lucene, lucene-plain, fts5)");
        };
    }
}
