package dev.lede.internal.query;

import dev.lede.internal.schema.Schema;
import dev.lede.query.Facet;
import dev.lede.query.FacetDimension;
import dev.lede.query.FacetRequest;
import dev.lede.query.Filters;
import dev.lede.query.SearchRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts facet values the drill-sideways way: each dimension over the articles that match the query
 * and every filter but the dimension's own selection. Dimensions whose filters end up the same share
 * one pass; so a request with no selection among its dimensions costs one pass over the matches,
 * plus one per dimension that has a selection.
 *
 * <p>Lucene's {@code DrillSideways} would do the sideways passes in one, but needs its own
 * drill-down terms in a {@code $facets} field beside the filters Lede already has; with plain
 * sorted-set doc values and these passes, the selection stays the request's {@link Filters}, and the
 * counts cannot disagree with what the filters match. Thread-safe.
 */
final class FacetCounter {
    private final Function<SearchRequest, LuceneCompiler.Compiled> compile;
    private final Function<Filters, Query> filter;

    FacetCounter(Function<SearchRequest, LuceneCompiler.Compiled> compile, Function<Filters, Query> filter) {
        this.compile = compile;
        this.filter = filter;
    }

    /** The facets {@code request} asks for, in its order. */
    List<Facet> count(IndexSearcher searcher, SearchRequest request) throws IOException {
        FacetRequest wanted = request.facets();
        Map<Filters, List<FacetDimension>> passes = new LinkedHashMap<>();
        for (FacetDimension d : wanted.dimensions()) {
            passes.computeIfAbsent(sideways(request.filters(), d), f -> new ArrayList<>())
                    .add(d);
        }
        Map<FacetDimension, Facet> facets = new EnumMap<>(FacetDimension.class);
        for (Map.Entry<Filters, List<FacetDimension>> pass : passes.entrySet()) {
            List<String> fields =
                    pass.getValue().stream().map(FacetCounter::field).distinct().toList();
            Query query = query(request, pass.getKey());
            Map<String, Map<String, Long>> raw =
                    query == null ? Map.of() : searcher.search(query, new Counting(fields));
            for (FacetDimension d : pass.getValue()) {
                facets.put(d, facet(d, raw.getOrDefault(field(d), Map.of()), wanted.size()));
            }
        }
        return wanted.dimensions().stream().map(facets::get).toList();
    }

    /** The request's filters without the dimension's own selection. */
    static Filters sideways(Filters filters, FacetDimension d) {
        return switch (d) {
            case SOURCE -> filters.sources(List.of());
            case AUTHOR -> filters.authors(List.of());
            case TOPIC -> filters.topics(List.of());
            case YEAR, MONTH, DAY -> filters.since(null).until(null);
        };
    }

    /** The query counted with {@code filters}, or {@code null} when it matches nothing. */
    private Query query(SearchRequest request, Filters filters) {
        if (request.query().isBlank()) {
            // No text: the filtered articles, as the search itself returns (all of them, sideways).
            Query f = filter.apply(filters);
            return f == null ? new MatchAllDocsQuery() : f;
        }
        LuceneCompiler.Compiled compiled = compile.apply(request.filters(filters));
        return compiled == null ? null : compiled.query();
    }

    private static String field(FacetDimension d) {
        return switch (d) {
            case SOURCE -> Schema.FACET_SOURCE;
            case AUTHOR -> Schema.FACET_AUTHOR;
            case TOPIC -> Schema.FACET_TOPIC;
            case YEAR, MONTH, DAY -> Schema.FACET_DAY;
        };
    }

    /** Raw doc values and their counts, grouped into the dimension's values, top {@code size}. */
    static Facet facet(FacetDimension d, Map<String, Long> raw, int size) {
        Map<String, Bucket> buckets = new HashMap<>();
        raw.forEach((value, count) -> {
            String key;
            String shown;
            if (d.isDate()) {
                key = value.substring(
                        0, Math.min(value.length(), d == FacetDimension.YEAR ? 4 : d == FacetDimension.MONTH ? 7 : 10));
                shown = key;
            } else {
                int end = value.indexOf(Schema.FACET_KEY_END);
                key = end < 0 ? value : value.substring(0, end);
                shown = end < 0 ? value : value.substring(end + 1);
            }
            buckets.computeIfAbsent(key, Bucket::new).add(shown, count);
        });
        List<Facet.Count> counts = buckets.values().stream()
                .sorted(Comparator.comparingLong((Bucket b) -> b.total)
                        .reversed()
                        .thenComparing(b -> b.key))
                .limit(size)
                .map(Bucket::count)
                .toList();
        return new Facet(d, counts, buckets.size());
    }

    /** One value's count, summed over its spellings, shown as its commonest spelling (ties: first in order). */
    private static final class Bucket {
        private final String key;
        private long total;
        private String shown;
        private long shownCount;

        Bucket(String key) {
            this.key = key;
        }

        void add(String spelling, long count) {
            total += count;
            if (count > shownCount || (count == shownCount && spelling.compareTo(shown) < 0)) {
                shown = spelling;
                shownCount = count;
            }
        }

        Facet.Count count() {
            return new Facet.Count(shown, total);
        }
    }

    /** Counts per field and raw doc value, over every matching article. */
    private static final class Counting implements CollectorManager<Counting.PerSlice, Map<String, Map<String, Long>>> {
        private final List<String> fields;

        Counting(List<String> fields) {
            this.fields = fields;
        }

        @Override
        public PerSlice newCollector() {
            return new PerSlice(fields);
        }

        @Override
        public Map<String, Map<String, Long>> reduce(java.util.Collection<PerSlice> slices) {
            Map<String, Map<String, Long>> all = new HashMap<>();
            for (PerSlice slice : slices) {
                slice.totals.forEach((field, counts) -> counts.forEach((value, n) ->
                        all.computeIfAbsent(field, f -> new HashMap<>()).merge(value, n, Long::sum)));
            }
            return all;
        }

        static final class PerSlice implements Collector {
            private final List<String> fields;
            final Map<String, Map<String, Long>> totals = new HashMap<>();

            PerSlice(List<String> fields) {
                this.fields = fields;
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                int n = fields.size();
                SortedSetDocValues[] values = new SortedSetDocValues[n];
                int[][] counts = new int[n][];
                for (int i = 0; i < n; i++) {
                    values[i] = DocValues.getSortedSet(context.reader(), fields.get(i));
                    counts[i] = new int[Math.toIntExact(values[i].getValueCount())];
                }
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {}

                    @Override
                    public void collect(int doc) throws IOException {
                        for (int i = 0; i < n; i++) {
                            if (values[i].advanceExact(doc)) {
                                for (int j = values[i].docValueCount(); j > 0; j--) {
                                    counts[i][(int) values[i].nextOrd()]++;
                                }
                            }
                        }
                    }

                    @Override
                    public void finish() throws IOException {
                        // Only the values this segment's matches have are looked up.
                        for (int i = 0; i < n; i++) {
                            Map<String, Long> total = totals.computeIfAbsent(fields.get(i), f -> new HashMap<>());
                            for (int ord = 0; ord < counts[i].length; ord++) {
                                if (counts[i][ord] > 0) {
                                    total.merge(
                                            values[i].lookupOrd(ord).utf8ToString(), (long) counts[i][ord], Long::sum);
                                }
                            }
                        }
                    }
                };
            }
        }
    }
}
