package dev.lede.internal.query;

import dev.lede.internal.schema.Schema;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;

/**
 * The recency factor {@code (1 - weight) + weight × 0.5^(age / halfLife)} of each document, read
 * from the schema's publication doc values; 1 for undated or future documents. Used with {@link
 * org.apache.lucene.queries.function.FunctionScoreQuery#boostByValue}.
 */
final class RecencyValues extends DoubleValuesSource {
    private final long originMillis;
    private final double halfLifeMillis;
    private final double weight;

    RecencyValues(long originMillis, double halfLifeMillis, double weight) {
        this.originMillis = originMillis;
        this.halfLifeMillis = halfLifeMillis;
        this.weight = weight;
    }

    double factor(long publishedMillis) {
        long age = Math.max(0, originMillis - publishedMillis);
        return (1 - weight) + weight * Math.pow(0.5, age / halfLifeMillis);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues published = DocValues.getNumeric(ctx.reader(), Schema.PUBLISHED);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = published.advanceExact(doc) ? factor(published.longValue()) : 1.0;
                return true;
            }
        };
    }

    @Override
    public Explanation explain(LeafReaderContext ctx, int docId, Explanation scoreExplanation) throws IOException {
        NumericDocValues published = DocValues.getNumeric(ctx.reader(), Schema.PUBLISHED);
        if (!published.advanceExact(docId)) {
            return Explanation.match(1.0f, "recency: undated, neutral");
        }
        double days = Math.max(0, originMillis - published.longValue()) / 86_400_000.0;
        return Explanation.match(
                (float) factor(published.longValue()),
                String.format(
                        Locale.ROOT,
                        "recency: (1 - %.2f) + %.2f × 0.5^(%.1f days / %.1f days half-life)",
                        weight,
                        weight,
                        days,
                        halfLifeMillis / 86_400_000.0));
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher reader) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, Schema.PUBLISHED);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecencyValues r
                && r.originMillis == originMillis
                && r.halfLifeMillis == halfLifeMillis
                && r.weight == weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(originMillis, halfLifeMillis, weight);
    }

    @Override
    public String toString() {
        return "recency(halfLife=" + halfLifeMillis + "ms, weight=" + weight + ", origin=" + originMillis + ")";
    }
}
