package dev.lede.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * When a benchmark's warm-up may end: after at least a minimum time, once the JIT compiler has been
 * quiet for {@value #QUIET_ROUNDS} rounds in a row, or at {@link #maxNanos} whatever it does.
 *
 * <p>A round is quiet when the compiler threads spent less than {@value #QUIET_SHARE} of its wall
 * time compiling. A fixed warm-up time is not enough: at 20,000 articles Lede's search was still
 * being compiled 8 s into its searches, and the C2 thread, taking a core from the two searching
 * threads, put a 4 ms scheduler pause into one query in a hundred. Raw Lucene settled sooner, so
 * the 2-thread figures compared a warm JVM with a warming one. Every system gets this same rule.
 */
final class JitWarmUp {
    static final double QUIET_SHARE = 0.05;
    static final int QUIET_ROUNDS = 2;
    /** The shortest round: whole passes over the queries until it has lasted this long. */
    static final long ROUND_NANOS = 1_000_000_000L;

    private final long minNanos;
    private final long maxNanos;
    private long elapsed;
    private int quietInARow;
    private boolean quiet;

    JitWarmUp(double minSeconds, double maxSeconds) {
        if (minSeconds < 0 || maxSeconds < minSeconds) {
            throw new IllegalArgumentException("warm-up from " + minSeconds + " s to " + maxSeconds + " s");
        }
        this.minNanos = (long) (minSeconds * 1e9);
        this.maxNanos = (long) (maxSeconds * 1e9);
    }

    /**
     * Records a round that lasted {@code wallNanos} while the compiler threads spent {@code
     * compileMillis} compiling (negative: unknown), and says whether the warm-up is over.
     */
    boolean round(long wallNanos, long compileMillis) {
        elapsed += wallNanos;
        if (compileMillis >= 0 && compileMillis * 1e6 < QUIET_SHARE * wallNanos) {
            quietInARow++;
        } else {
            quietInARow = 0;
        }
        // Where the JVM cannot tell compile time, the minimum time is all there is to go by.
        quiet = compileMillis < 0 || quietInARow >= QUIET_ROUNDS;
        return elapsed >= maxNanos || (elapsed >= minNanos && quiet);
    }

    /** The warm-up's length so far, in seconds. */
    double seconds() {
        return elapsed / 1e9;
    }

    /** Whether the last rounds were quiet (false: the warm-up ended at its maximum). */
    boolean quiet() {
        return quiet;
    }

    /** Milliseconds the JIT compiler threads have spent compiling, or -1 where the JVM cannot tell. */
    static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }
}
