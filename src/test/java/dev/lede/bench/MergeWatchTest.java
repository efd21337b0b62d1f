package dev.lede.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class MergeWatchTest {
    /** Spins until its own CPU time reaches {@code nanos}, then waits for {@code release}. */
    private static Thread burner(String name, long nanos, CountDownLatch burnt, CountDownLatch release) {
        Thread t = new Thread(
                () -> {
                    var mx = ManagementFactory.getThreadMXBean();
                    long x = 0;
                    while (mx.getCurrentThreadCpuTime() < nanos) {
                        x += System.nanoTime() % 7;
                    }
                    if (x == 42) {
                        System.out.print(""); // keeps the loop from being removed
                    }
                    burnt.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                name);
        t.setDaemon(true);
        return t;
    }

    @Test
    void countsOnlyMergeThreads_andKeepsTheTimeOfOneThatEnded() throws Exception {
        CountDownLatch burnt = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (MergeWatch watch = new MergeWatch()) {
            assertThat(watch.cpuSeconds()).isZero();
            Thread merge = burner(MergeWatch.MERGE_THREAD_PREFIX + " #test", 300_000_000L, burnt, release);
            Thread other = burner("not a merge", 300_000_000L, burnt, release);
            merge.start();
            other.start();
            burnt.await();
            Thread.sleep(100); // a few polls
            double whileAlive = watch.cpuSeconds();
            release.countDown();
            merge.join();
            other.join();
            assertThat(whileAlive).isBetween(0.3, 0.5);
            assertThat(watch.cpuSeconds()).isEqualTo(whileAlive);
        }
    }

    @Test
    void aMergeThreadRunningBeforeTheWatch_countsFromItsStart() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread merge = burner(MergeWatch.MERGE_THREAD_PREFIX + " #early", 200_000_000L, first, release);
        merge.start();
        first.await();
        try (MergeWatch watch = new MergeWatch()) {
            Thread.sleep(60);
            assertThat(watch.cpuSeconds()).isLessThan(0.05);
        } finally {
            release.countDown();
            merge.join();
        }
    }
}
