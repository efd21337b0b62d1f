package dev.lede.internal.query;

import dev.lede.internal.query.QueryNode.Clause;
import dev.lede.internal.query.QueryNode.Group;
import dev.lede.internal.query.QueryNode.Occur;
import dev.lede.internal.query.QueryNode.Phrase;
import dev.lede.internal.query.QueryNode.Word;
import dev.lede.internal.schema.Schema;
import dev.lede.query.Filters;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.QueryBuilder;

/**
 * Compiles a {@link QueryNode} tree to a Lucene query over the schema's fields.
 *
 * <p>A word or phrase without a scope is searched in every default text field, each with its
 * weight, and the field scores add up. A word that analyses to several tokens ("anti-war",
 * "U.S.-led") is searched as a phrase; one that analyses to nothing (a stop word) is dropped. A
 * group with only exclusions matches every article but those. Thread-safe.
 */
public final class LuceneCompiler {
    private final Schema schema;
    private final QueryBuilder builder;

    public LuceneCompiler(Schema schema) {
        this.schema = schema;
        this.builder = new QueryBuilder(schema.queryAnalyzer());
    }

    /** A compiled query, or none when nothing searchable is left. */
    public record Compiled(Query query, boolean onlyExclusions) {}

    /** The Lucene query for a group, or {@code null} when nothing searchable is left. */
    public Compiled compile(Group group) {
        BooleanQuery.Builder bool = new BooleanQuery.Builder();
        boolean positive = false;
        boolean negative = false;
        int budget = IndexSearcher.getMaxClauseCount() - 1; // the match-all below may need one
        // A word given twice counts twice, as in Lucene's and Elasticsearch's match queries: long
        // natural-language queries repeat what matters (it helped CISI most, see README).
        for (Clause clause : group.clauses()) {
            Query q = compileNode(clause.node());
            if (q == null) {
                continue;
            }
            // A very long query is cut rather than failed: the words past Lucene's clause limit are
            // dropped, as a search box must never throw.
            budget -= clauses(q);
            if (budget < 0) {
                break;
            }
            bool.add(q, occur(clause.occur()));
            positive |= clause.occur() != Occur.MUST_NOT;
            negative |= clause.occur() == Occur.MUST_NOT;
        }
        if (!positive && !negative) {
            return null;
        }
        if (!positive) {
            bool.add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.FILTER);
        }
        return new Compiled(bool.build(), !positive);
    }

    /** The filter for {@code filters}, or {@code null} when there is none. Filters never score. */
    public Query filter(Filters filters) {
        if (filters.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (filters.since() != null || filters.until() != null) {
            long from =
                    filters.since() == null ? Long.MIN_VALUE : filters.since().toEpochMilli();
            long to = filters.until() == null ? Long.MAX_VALUE : filters.until().toEpochMilli();
            all.add(LongPoint.newRangeQuery(Schema.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
        }
        anyOf(all, Schema.SOURCE, filters.sources());
        anyOf(all, Schema.AUTHOR, filters.authors());
        anyOf(all, Schema.TOPIC, filters.topics());
        filters.extra().forEach((name, values) -> anyOf(all, schema.extraField(name), values));
        return all.build();
    }

    private void anyOf(BooleanQuery.Builder all, String field, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String value : values) {
            Query q = builder.createPhraseQuery(field, value);
            // A value that normalises to nothing can match nothing.
            any.add(q != null ? q : new MatchNoDocsQuery("empty filter value"), BooleanClause.Occur.SHOULD);
        }
        all.add(any.build(), BooleanClause.Occur.FILTER);
    }

    /** Clauses as Lucene counts them against its limit: one per leaf query or term-consuming query. */
    static int clauses(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void visitLeaf(Query q) {
                count[0]++;
            }

            @Override
            public void consumeTerms(Query q, Term... terms) {
                count[0]++;
            }
        });
        return count[0];
    }

    private Query compileNode(QueryNode node) {
        if (node instanceof Word w) {
            return inFields(w.field(), w.text());
        }
        if (node instanceof Phrase p) {
            return inFields(p.field(), p.text());
        }
        Compiled inner = compile((Group) node);
        return inner == null ? null : inner.query();
    }

    private Query inFields(String field, String text) {
        if (field != null) {
            return builder.createPhraseQuery(field, text);
        }
        List<Query> perField = new ArrayList<>();
        for (Schema.WeightedField f : schema.defaultFields()) {
            Query q = builder.createPhraseQuery(f.name(), text);
            if (q != null) {
                perField.add(f.weight() == 1.0f ? q : new BoostQuery(q, f.weight()));
            }
        }
        if (perField.isEmpty()) {
            return null;
        }
        if (perField.size() == 1) {
            return perField.get(0);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        perField.forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
        return any.build();
    }

    private static BooleanClause.Occur occur(Occur occur) {
        return switch (occur) {
            case SHOULD -> BooleanClause.Occur.SHOULD;
            case MUST -> BooleanClause.Occur.MUST;
            case MUST_NOT -> BooleanClause.Occur.MUST_NOT;
        };
    }
}
