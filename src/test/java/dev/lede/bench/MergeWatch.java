package dev.lede.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time Lucene's merge threads spend from a point on, sampled every {@value #POLL_MS} ms (a merge
 * thread ends with its merge, so its time is read while it runs; a merge shorter than that may be
 * missed). A merge that the work being timed left to run in the background, or that one finished
 * before it started, competes with it for the cores: this tells how much of a phase's CPU went
 * there, whichever system started the merge and whether or not it was ever committed.
 */
final class MergeWatch implements AutoCloseable {
    static final String MERGE_THREAD_PREFIX = "Lucene Merge Thread";
    private static final long POLL_MS = 20;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // By thread id: CPU nanoseconds when first seen (0 for a thread started after this watch), and
    // the latest reading.
    private final Map<Long, long[]> seen = new HashMap<>();
    private final Thread sampler;

    MergeWatch() {
        synchronized (seen) {
            poll(true);
        }
        sampler = new Thread(this::run, "merge-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            synchronized (seen) {
                poll(false);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void poll(boolean atStart) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || !info.getThreadName().startsWith(MERGE_THREAD_PREFIX)) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue; // ended meanwhile
            }
            long[] t = seen.computeIfAbsent(info.getThreadId(), id -> new long[] {atStart ? cpu : 0, cpu});
            t[1] = Math.max(t[1], cpu);
        }
    }

    /** CPU seconds the merge threads spent since this watch started. */
    double cpuSeconds() {
        synchronized (seen) {
            poll(false);
            long nanos = 0;
            for (long[] t : seen.values()) {
                nanos += t[1] - t[0];
            }
            return nanos / 1e9;
        }
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
