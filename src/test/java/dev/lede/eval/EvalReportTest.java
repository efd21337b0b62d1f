package dev.lede.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalReportTest {
    @TempDir
    Path dir;

    @Test
    void writeRun_writesTrecLinesInTrecEvalOrder() throws IOException {
        List<QueryRun> runs = List.of(
                new QueryRun(
                        "q1",
                        List.of(
                                new ScoredDoc("d10", 2.5),
                                new ScoredDoc("d9", 2.5),
                                new ScoredDoc("d2", 12.25),
                                new ScoredDoc("x", 0.0001))),
                new QueryRun("q2", List.of(new ScoredDoc("a", 3.0))), // skipped, but still in the run
                new QueryRun("q3", List.of()));
        EvalReport report = Evaluation.evaluate(runs, Judgments.of(Map.of("q1", Map.of("d9", 1))));
        Path file = dir.resolve("lede.run");

        report.writeRun(file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("""
                        q1 Q0 d2 1 12.25 lede
                        q1 Q0 d9 2 2.5 lede
                        q1 Q0 d10 3 2.5 lede
                        q1 Q0 x 4 0.0001 lede
                        q2 Q0 a 1 3 lede
                        """);
    }

    @Test
    void writeRun_keepsTheTop1000OfEachQuery() throws IOException {
        List<ScoredDoc> docs = new ArrayList<>();
        for (int i = 1; i <= 1001; i++) {
            docs.add(new ScoredDoc("d" + i, 2000 - i));
        }
        EvalReport report = Evaluation.evaluate(List.of(new QueryRun("q", docs)), Judgments.of(Map.of()));
        Path file = dir.resolve("deep.run");

        report.writeRun(file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1000);
        assertThat(lines.get(999)).isEqualTo("q Q0 d1000 1000 1000 lede");
    }

    @Test
    void writeRun_idWithWhitespace_failsBeforeWriting() {
        EvalReport report = Evaluation.evaluate(
                List.of(new QueryRun("q", List.of(new ScoredDoc("my file.txt", 1)))), Judgments.of(Map.of()));
        Path file = dir.resolve("never.run");

        assertThatThrownBy(() -> report.writeRun(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "a TREC run file cannot hold the document id 'my file.txt': it is empty or holds whitespace");
        assertThat(file).doesNotExist();
    }

    @Test
    void report_rowsNotMatchingTheCount_isRejected() {
        assertThatThrownBy(() -> new EvalReport(0, 0, 0, 0, 0, 1, 0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 queries evaluated, but 0 rows");
    }

    @Test
    void report_meanOutsideZeroToOne_isRejected() {
        assertThatThrownBy(() -> new EvalReport(1.5, 0, 0, 0, 0, 0, 0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ndcg10 must be in [0, 1], not 1.5");
    }
}
