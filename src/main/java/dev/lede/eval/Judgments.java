package dev.lede.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Relevance judgments (qrels): for each query, the graded documents. Immutable.
 *
 * <p>A grade above 0 means relevant, as with trec_eval's default relevance level of 1; the grade
 * itself is the gain in nDCG. Documents not listed are not relevant. Grades of 0 or less are
 * judged-not-relevant and gain nothing.
 *
 * <p>Files are UTF-8 with one judgment a line, in either of two formats, recognised line by line:
 * TSV {@code qid<TAB>docid<TAB>grade} (exactly three tab-separated columns, so ids may hold
 * spaces) or TREC {@code qid iteration docid grade} (four whitespace-separated columns; the
 * iteration, usually {@code 0}, is ignored, as trec_eval ignores it). Blank lines are skipped, and
 * so is a header line (the first line, when its grade is not a number, as in BEIR's {@code
 * query-id corpus-id score}). A judgment repeated with the same grade counts once.
 */
public final class Judgments {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final Map<String, Map<String, Integer>> byQuery;
    private final int size;

    private Judgments(Map<String, Map<String, Integer>> byQuery) {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        byQuery.forEach((query, grades) -> copy.put(query, Map.copyOf(grades)));
        this.byQuery = Collections.unmodifiableMap(copy);
        this.size = copy.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * The judgments in {@code file}.
     *
     * @param file a TSV or TREC qrels file
     * @return the judgments, queries in order of first appearance
     * @throws IllegalArgumentException naming the file and line, for a line in neither format, a
     *     grade that is not a whole number, or a document judged twice with different grades
     * @throws IOException if the file cannot be read or is not UTF-8
     */
    public static Judgments read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();
        boolean first = true;
        for (DataLines.Line line : DataLines.read(file)) {
            String[] judgment = columns(file, line);
            boolean header = first && !NUMBER.matcher(judgment[2]).matches();
            first = false;
            if (!header) {
                add(byQuery, judgment[0], judgment[1], grade(file, line, judgment[2]), file, line);
            }
        }
        return new Judgments(byQuery);
    }

    /**
     * The given judgments.
     *
     * @param grades for each query id, the grade of each judged document id
     * @return the judgments, queries in the map's order
     */
    public static Judgments of(Map<String, Map<String, Integer>> grades) {
        Objects.requireNonNull(grades, "grades");
        grades.forEach((query, docs) -> {
            Objects.requireNonNull(query, "query id");
            Objects.requireNonNull(docs, "grades of query " + query);
        });
        return new Judgments(grades);
    }

    /** {@code qid, docid, grade} of a TSV or TREC line. */
    private static String[] columns(Path file, DataLines.Line line) {
        String[] tsv = line.text().split("\t", -1);
        String[] columns = tsv.length == 3
                ? new String[] {tsv[0].strip(), tsv[1].strip(), tsv[2].strip()}
                : trec(line.text().strip().split("\\s+"));
        if (columns == null || columns[0].isEmpty() || columns[1].isEmpty()) {
            throw DataLines.malformed(file, line, "expected qid<TAB>docid<TAB>grade or 'qid 0 docid grade'");
        }
        return columns;
    }

    private static String[] trec(String[] fields) {
        return fields.length == 4 ? new String[] {fields[0], fields[2], fields[3]} : null;
    }

    private static int grade(Path file, DataLines.Line line, String grade) {
        if (!INTEGER.matcher(grade).matches()) {
            throw DataLines.malformed(file, line, "the grade must be a whole number, not '" + grade + "'");
        }
        return Integer.parseInt(grade);
    }

    private static void add(
            Map<String, Map<String, Integer>> byQuery,
            String query,
            String doc,
            int grade,
            Path file,
            DataLines.Line line) {
        Integer before =
                byQuery.computeIfAbsent(query, q -> new LinkedHashMap<>()).putIfAbsent(doc, grade);
        if (before != null && before != grade) {
            throw DataLines.malformed(
                    file, line, "document '" + doc + "' of query '" + query + "' was judged " + before + " before");
        }
    }

    /**
     * The judged documents of one query and their grades.
     *
     * @param queryId a query id
     * @return document id to grade; empty when the query has no judgments
     */
    public Map<String, Integer> grades(String queryId) {
        return byQuery.getOrDefault(Objects.requireNonNull(queryId, "queryId"), Map.of());
    }

    /**
     * How many documents are relevant (grade above 0) to one query.
     *
     * @param queryId a query id
     * @return the number of relevant documents; 0 when the query has none or no judgments
     */
    public int relevant(String queryId) {
        return Metrics.relevantCount(grades(queryId));
    }

    /** The ids of the judged queries, in order of first appearance. */
    public Set<String> queryIds() {
        return byQuery.keySet();
    }

    /** How many (query, document) judgments there are. */
    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return "Judgments[" + byQuery.size() + " queries, " + size + " judgments]";
    }
}
