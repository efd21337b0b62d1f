package dev.lede.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgmentsTest {

    @Test
    void read_tsvWithHeader_skipsTheHeaderAndKeepsGrades() throws IOException {
        Judgments judgments = Judgments.read(TestFiles.resource("eval/qrels.tsv"));

        assertThat(judgments.queryIds()).containsExactly("q1", "q2");
        assertThat(judgments.grades("q1")).isEqualTo(Map.of("h1", 2, "b1", 0));
        assertThat(judgments.grades("q2")).isEqualTo(Map.of("b1", 1, "doc with spaces", 3));
        assertThat(judgments.size()).isEqualTo(4);
    }

    @Test
    void read_trec_ignoresTheIterationColumnAndMixesWithTsvLineByLine() throws IOException {
        Judgments judgments = Judgments.read(TestFiles.resource("eval/qrels.trec"));

        assertThat(judgments.grades("q1")).isEqualTo(Map.of("h1", 2, "b1", 0));
        assertThat(judgments.grades("q2")).isEqualTo(Map.of("b1", 1, "b2", 3));
    }

    @Test
    void relevant_countsGradesAboveZero() throws IOException {
        Judgments judgments = Judgments.read(TestFiles.resource("eval/qrels.tsv"));

        assertThat(judgments.relevant("q1")).isEqualTo(1);
        assertThat(judgments.relevant("q2")).isEqualTo(2);
        assertThat(judgments.relevant("unjudged")).isZero();
        assertThat(judgments.grades("unjudged")).isEmpty();
    }

    @Test
    void read_repeatedJudgmentWithTheSameGrade_countsOnce() throws IOException {
        Judgments judgments = Judgments.read(TestFiles.resource("eval/qrels-repeated.tsv"));

        assertThat(judgments.grades("q1")).isEqualTo(Map.of("h1", 2));
        assertThat(judgments.size()).isEqualTo(1);
    }

    @Test
    void read_threeSpaceSeparatedColumns_isNeitherFormat() {
        Path file = TestFiles.resource("eval/qrels-malformed.tsv");

        assertThatThrownBy(() -> Judgments.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " line 2: expected qid<TAB>docid<TAB>grade or 'qid 0 docid grade': \"q1 h2 1\"");
    }

    @Test
    void read_nonNumericGradeAfterTheFirstLine_namesFileAndLine() {
        Path file = TestFiles.resource("eval/qrels-bad-grade.tsv");

        assertThatThrownBy(() -> Judgments.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " line 2: the grade must be a whole number, not 'yes': \"q1\\th2\\tyes\"");
    }

    @Test
    void read_conflictingGrades_namesFileAndLine() {
        Path file = TestFiles.resource("eval/qrels-conflict.tsv");

        assertThatThrownBy(() -> Judgments.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " line 2: document 'h1' of query 'q1' was judged 2 before: \"q1\\th1\\t1\"");
    }

    @Test
    void of_keepsTheGivenGrades() {
        Judgments judgments = Judgments.of(Map.of("q", Map.of("d1", 2, "d2", 0)));

        assertThat(judgments.grades("q")).isEqualTo(Map.of("d1", 2, "d2", 0));
        assertThat(judgments.relevant("q")).isEqualTo(1);
        assertThat(judgments.size()).isEqualTo(2);
    }
}
