package dev.lede.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.lede.ArticleIndex;
import dev.lede.TestFiles;
import dev.lede.query.QuerySyntaxException;
import dev.lede.query.Syntax;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final Offset<Double> EXACT = within(1e-12);

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void evaluate_queriesWithoutRelevantDocuments_areSkippedAndLeftOutOfTheMeans() {
        List<QueryRun> runs = List.of(
                // a and c relevant at ranks 1 and 3 of 3: AP 5/6, R@100 1, RR 1, P@10 0.2,
                // nDCG (1 + 1/log2(4)) / (1 + 1/log2(3)).
                new QueryRun("q1", List.of(new ScoredDoc("a", 3), new ScoredDoc("b", 2), new ScoredDoc("c", 1))),
                new QueryRun("q2", List.of(new ScoredDoc("x", 1))), // judged, none relevant: skipped
                new QueryRun("q3", List.of(new ScoredDoc("y", 1))), // not judged at all: skipped
                new QueryRun("q4", List.of())); // relevant z never retrieved: counts, all 0
        Judgments judgments = Judgments.of(Map.of(
                "q1", Map.of("a", 1, "c", 1),
                "q2", Map.of("x", 0),
                "q4", Map.of("z", 2)));

        EvalReport report = Evaluation.evaluate(runs, judgments);

        assertThat(report.queries()).isEqualTo(2);
        assertThat(report.queriesSkipped()).isEqualTo(2);
        assertThat(report.perQuery()).extracting(QueryMetrics::queryId).containsExactly("q1", "q4");
        assertThat(report.perQuery().get(1)).isEqualTo(new QueryMetrics("q4", 0, 0, 0, 0, 0));
        assertThat(report.ndcg10()).isCloseTo(1.5 / (1 + 1 / log2(3)) / 2, EXACT);
        assertThat(report.map100()).isCloseTo(5.0 / 12, EXACT);
        assertThat(report.recall100()).isCloseTo(0.5, EXACT);
        assertThat(report.mrr10()).isCloseTo(0.5, EXACT);
        assertThat(report.p10()).isCloseTo(0.1, EXACT);
        assertThat(report.runs()).extracting(QueryRun::queryId).containsExactly("q1", "q2", "q3", "q4");
    }

    @Test
    void evaluate_noEvaluatedQuery_hasZeroMeans() {
        EvalReport report = Evaluation.evaluate(List.of(new QueryRun("q", List.of())), Judgments.of(Map.of()));

        assertThat(report).isEqualTo(new EvalReport(0, 0, 0, 0, 0, 0, 1, List.of(), report.runs()));
    }

    @Test
    void evaluate_queryRunTwice_isRejected() {
        List<QueryRun> runs = List.of(new QueryRun("q", List.of()), new QueryRun("q", List.of()));

        assertThatThrownBy(() -> Evaluation.evaluate(runs, Judgments.of(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("query 'q' was run twice");
    }

    @Test
    void run_searchesEveryQueryThroughTheIndex() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.ingest(TestFiles.resource("eval/corpus.jsonl"));
            Queries queries = Queries.read(TestFiles.resource("eval/queries.tsv"));
            Judgments judgments = Judgments.read(TestFiles.resource("eval/qrels.tsv"));

            EvalReport report = Evaluation.run(index, queries, judgments, Syntax.WORDS);

            // q1 "harbor opening" finds only h1 (grade 2, the only relevant one); q2 "city budget
            // vote" finds b1 (grade 1) and b2, not the judged "doc with spaces" (grade 3), which is
            // not in the corpus; q3 finds nothing and has no judgments, so it is skipped.
            assertThat(report.runs()).extracting(r -> r.ranking().size()).containsExactly(1, 2, 0);
            assertThat(report.perQuery().get(0)).isEqualTo(new QueryMetrics("q1", 1, 1, 1, 1, 0.1));
            assertThat(report.perQuery().get(1).recall100()).isEqualTo(0.5);
            assertThat(report.queries()).isEqualTo(2);
            assertThat(report.queriesSkipped()).isEqualTo(1);
        }
    }

    @Test
    void run_malformedStrictQuery_namesTheQuery() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            Queries queries = Queries.of(List.of(new Query("q1", "budget"), new Query("q2", "budget AND (\"")));

            QuerySyntaxException e = catchThrowableOfType(
                    QuerySyntaxException.class,
                    () -> Evaluation.run(index, queries, Judgments.of(Map.of()), Syntax.LUCENE));

            assertThat(e.problem()).endsWith(" (query q2)");
            assertThat(e.position()).isEqualTo(13);
        }
    }
}
