package dev.lede.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The benchmark's warm-up lasts its minimum, then until the JIT is quiet, at most its maximum. */
class JitWarmUpTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void endsAfterTwoQuietRoundsInARow_onceTheMinimumHasPassed() {
        JitWarmUp w = new JitWarmUp(3, 60);
        // Compile milliseconds per 1 s round, as seen for Lede at 20,000 articles.
        assertThat(w.round(SECOND, 1467)).isFalse();
        assertThat(w.round(SECOND, 34)).isFalse(); // quiet, but one round only
        assertThat(w.round(SECOND, 102)).isFalse(); // busy again: the count starts over
        assertThat(w.round(SECOND, 45)).isFalse();
        assertThat(w.round(SECOND, 5)).isTrue();
        assertThat(w.seconds()).isEqualTo(5.0);
        assertThat(w.quiet()).isTrue();
    }

    @Test
    void aQuietJit_stillWarmsUpForTheMinimum() {
        JitWarmUp w = new JitWarmUp(5, 60);
        for (int i = 0; i < 4; i++) {
            assertThat(w.round(SECOND, 0)).isFalse();
        }
        assertThat(w.round(SECOND, 0)).isTrue();
        assertThat(w.seconds()).isEqualTo(5.0);
    }

    @Test
    void quietMeansUnderFivePercentOfTheRound() {
        JitWarmUp w = new JitWarmUp(0, 60);
        w.round(2 * SECOND, 99); // 4.95% of 2 s
        assertThat(w.round(2 * SECOND, 100)).isFalse(); // 5%: not quiet
        w.round(2 * SECOND, 99);
        assertThat(w.round(2 * SECOND, 99)).isTrue();
    }

    @Test
    void aJitThatNeverSettles_endsAtTheMaximum_notQuiet() {
        JitWarmUp w = new JitWarmUp(1, 4);
        assertThat(w.round(SECOND, 500)).isFalse();
        assertThat(w.round(SECOND, 500)).isFalse();
        assertThat(w.round(SECOND, 500)).isFalse();
        assertThat(w.round(SECOND, 500)).isTrue();
        assertThat(w.quiet()).isFalse();
    }

    @Test
    void unknownCompileTime_warmsUpForTheMinimumOnly() {
        JitWarmUp w = new JitWarmUp(2, 60);
        assertThat(w.round(SECOND, -1)).isFalse();
        assertThat(w.round(SECOND, -1)).isTrue();
    }

    @Test
    void aMaximumBelowTheMinimum_isRefused() {
        assertThatThrownBy(() -> new JitWarmUp(10, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warm-up from 10.0 s to 5.0 s");
    }

    @Test
    void thisJvm_reportsCompileTime() {
        // HotSpot, which the benchmark runs on, keeps it; the rule would fall back to time only.
        assertThat(JitWarmUp.compileMillis()).isGreaterThanOrEqualTo(0);
    }
}
