package dev.lede.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The queries of a test collection, in file order, each id once. Immutable.
 *
 * <p>The file format is the usual {@code queries.tsv}: UTF-8, one {@code qid<TAB>text} per line,
 * no header; blank lines are skipped, the text is everything after the first tab, stripped.
 */
public final class Queries {
    private final List<Query> list;

    private Queries(List<Query> list) {
        this.list = list;
    }

    /**
     * The queries in {@code file}.
     *
     * @param file a {@code qid<TAB>text} file
     * @return the queries, in file order
     * @throws IllegalArgumentException naming the file and line, for a line without a tab, with an
     *     empty id or text, or with an id seen before
     * @throws IOException if the file cannot be read or is not UTF-8
     */
    public static Queries read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        List<Query> queries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (DataLines.Line line : DataLines.read(file)) {
            Query query = parse(file, line);
            if (!ids.add(query.id())) {
                throw DataLines.malformed(file, line, "query id '" + query.id() + "' appears twice");
            }
            queries.add(query);
        }
        return new Queries(List.copyOf(queries));
    }

    /**
     * The given queries, in order.
     *
     * @param queries queries with distinct ids
     * @return the queries
     * @throws IllegalArgumentException if an id appears twice
     */
    public static Queries of(List<Query> queries) {
        List<Query> copy = List.copyOf(Objects.requireNonNull(queries, "queries"));
        Set<String> ids = new HashSet<>();
        for (Query query : copy) {
            if (!ids.add(query.id())) {
                throw new IllegalArgumentException("query id '" + query.id() + "' appears twice");
            }
        }
        return new Queries(copy);
    }

    private static Query parse(Path file, DataLines.Line line) {
        int tab = line.text().indexOf('\t');
        if (tab < 0) {
            throw DataLines.malformed(file, line, "expected qid<TAB>text, found no tab");
        }
        String id = line.text().substring(0, tab).strip();
        String text = line.text().substring(tab + 1).strip();
        if (id.isEmpty() || text.isEmpty()) {
            throw DataLines.malformed(
                    file, line, "expected qid<TAB>text, found an empty " + (id.isEmpty() ? "qid" : "text"));
        }
        return new Query(id, text);
    }

    /** The queries, in order. */
    public List<Query> list() {
        return list;
    }

    /** How many queries there are. */
    public int size() {
        return list.size();
    }

    @Override
    public String toString() {
        return "Queries[" + list.size() + "]";
    }
}
