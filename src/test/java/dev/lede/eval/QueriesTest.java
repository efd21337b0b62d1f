package dev.lede.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueriesTest {

    @Test
    void read_tsv_keepsFileOrderAndSkipsBlankLinesAndTheByteOrderMark() throws IOException {
        Queries queries = Queries.read(TestFiles.resource("eval/queries.tsv"));

        assertThat(queries.list())
                .containsExactly(
                        new Query("q1", "harbor opening"),
                        new Query("q2", "city budget vote"),
                        new Query("q3", "NOTHING MATCHES THIS"));
        assertThat(queries.size()).isEqualTo(3);
    }

    @Test
    void read_lineWithoutTab_namesFileAndLine() {
        Path file = TestFiles.resource("eval/queries-no-tab.tsv");

        assertThatThrownBy(() -> Queries.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " line 2: expected qid<TAB>text, found no tab: \"q2 budget\"");
    }

    @Test
    void read_repeatedId_namesFileAndLine() {
        Path file = TestFiles.resource("eval/queries-duplicate.tsv");

        assertThatThrownBy(() -> Queries.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " line 2: query id 'q1' appears twice: \"q1\\tbudget\"");
    }

    @Test
    void list_isImmutable() {
        Queries queries = Queries.of(List.of(new Query("q1", "a")));

        assertThatThrownBy(() -> queries.list().add(new Query("q2", "b")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void of_repeatedId_isRejected() {
        assertThatThrownBy(() -> Queries.of(List.of(new Query("q1", "a"), new Query("q1", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("query id 'q1' appears twice");
    }

    @Test
    void query_idWithTab_isRejected() {
        assertThatThrownBy(() -> new Query("q\t1", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("query id must be non-blank");
    }
}
