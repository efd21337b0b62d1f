package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede eval} on the small judged fixture: the figures, the run file, and usage errors. */
class EvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private String out;
    private String err;

    private int run(String... args) {
        CliRun r = CliRun.of(home, args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    private static String fixture(String name) {
        return TestFiles.resource("eval/" + name).toString();
    }

    @Test
    void eval_json_printsTheMeansAndPerQueryFigures() throws IOException {
        Path runFile = home.resolve("run.txt");
        assertThat(run(
                        "eval",
                        "--corpus",
                        fixture("corpus.jsonl"),
                        "--queries",
                        fixture("queries.tsv"),
                        "--qrels",
                        fixture("qrels.tsv"),
                        "--run",
                        runFile.toString(),
                        "--json"))
                .isZero();

        JsonNode report = JSON.readTree(out);
        // q1 finds its one relevant document first: every measure 1, P@10 0.1. q2 finds b1 (grade 1)
        // but not the grade-3 "doc with spaces", which is not in the corpus. q3 has no judgments.
        assertThat(report.get("queries").asInt()).isEqualTo(2);
        assertThat(report.get("queriesSkipped").asInt()).isEqualTo(1);
        JsonNode q1 = report.get("perQuery").get(0);
        assertThat(q1.get("qid").asText()).isEqualTo("q1");
        assertThat(q1.get("ndcg@10").asDouble()).isEqualTo(1.0);
        assertThat(q1.get("mrr@10").asDouble()).isEqualTo(1.0);
        assertThat(q1.get("p@10").asDouble()).isEqualTo(0.1);
        assertThat(report.get("perQuery").get(1).get("recall@100").asDouble()).isEqualTo(0.5);
        assertThat(report.get("mrr@10").asDouble()).isEqualTo(1.0);
        assertThat(report.get("recall@100").asDouble()).isEqualTo(0.75);
        assertThat(Files.readAllLines(runFile))
                .hasSize(3)
                .first()
                .asString()
                .startsWith("q1 Q0 h1 1 ")
                .endsWith(" lede");
    }

    @Test
    void eval_text_printsATableEndingWithTheMeans() {
        assertThat(run(
                        "eval",
                        "--corpus",
                        fixture("corpus.jsonl"),
                        "--queries",
                        fixture("queries.tsv"),
                        "--qrels",
                        fixture("qrels.tsv")))
                .isZero();
        assertThat(out)
                .startsWith(
                        "qid        nDCG@10  MAP@100  R@100   MRR@10  P@10\nq1          1.0000   1.0000  1.0000  1.0000  0.1000\n");
        assertThat(out).endsWith("2 queries evaluated, 1 without relevant documents left out\n");
    }

    @Test
    void eval_missingInputs_areUsageErrors() {
        assertThat(run("eval", "--queries", fixture("queries.tsv"), "--qrels", fixture("qrels.tsv")))
                .isEqualTo(2);
        assertThat(err).isEqualTo("lede: give --corpus FILE to evaluate, or --index DIR of an index built from it\n");
        assertThat(run(
                        "eval",
                        "--corpus",
                        "nope.jsonl",
                        "--queries",
                        fixture("queries.tsv"),
                        "--qrels",
                        fixture("qrels.tsv")))
                .isEqualTo(2);
        assertThat(err).isEqualTo("lede: no such file: nope.jsonl\n");
    }

    @Test
    void eval_malformedQueriesOrBothSources_areUsageErrors() throws IOException {
        Path bad = Files.writeString(home.resolve("bad.tsv"), "q1 no tab here\n");
        assertThat(run(
                        "eval",
                        "--corpus",
                        fixture("corpus.jsonl"),
                        "--queries",
                        bad.toString(),
                        "--qrels",
                        fixture("qrels.tsv")))
                .isEqualTo(2);
        assertThat(err).startsWith("lede: ").contains("line 1").doesNotContain("unexpected error");
        assertThat(run(
                        "eval",
                        "--corpus",
                        fixture("corpus.jsonl"),
                        "--index",
                        home.toString(),
                        "--queries",
                        fixture("queries.tsv"),
                        "--qrels",
                        fixture("qrels.tsv")))
                .isEqualTo(2);
        assertThat(err).isEqualTo("lede: give --corpus FILE or --index DIR, not both\n");
    }
}
