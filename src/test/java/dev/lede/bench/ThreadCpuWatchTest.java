package dev.lede.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ThreadCpuWatchTest {
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
    void countsEachGroupApart_andKeepsTheTimeOfAThreadThatEnded() throws Exception {
        CountDownLatch burnt = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        try (ThreadCpuWatch watch = new ThreadCpuWatch()) {
            assertThat(watch.cpuSeconds(ThreadCpuWatch.MERGES)).isZero();
            Thread merge = burner(ThreadCpuWatch.MERGES + " #0", 300_000_000L, burnt, release);
            Thread worker1 = burner("test-worker-1", 200_000_000L, burnt, release);
            Thread worker2 = burner("test-worker-2", 200_000_000L, burnt, release);
            merge.start();
            worker1.start();
            worker2.start();
            burnt.await();
            Thread.sleep(100); // a few polls
            double whileAlive = watch.cpuSeconds(ThreadCpuWatch.MERGES);
            double workers = watch.cpuSeconds("test-worker");
            release.countDown();
            merge.join();
            worker1.join();
            worker2.join();
            assertThat(whileAlive).isBetween(0.3, 0.5);
            assertThat(workers).isBetween(0.4, 0.6);
            assertThat(watch.cpuSeconds(ThreadCpuWatch.MERGES)).isEqualTo(whileAlive);
            assertThat(watch.cpuSeconds("test-worker")).isEqualTo(workers);
            assertThat(watch.byGroup()).containsKeys(ThreadCpuWatch.MERGES, "test-worker");
        }
    }

    @Test
    void aThreadsGroup_isItsNameWithoutItsNumberOrPath() {
        assertThat(ThreadCpuWatch.group("Lucene Merge Thread #12")).isEqualTo(ThreadCpuWatch.MERGES);
        assertThat(ThreadCpuWatch.group("lede-ingest-2")).isEqualTo("lede-ingest");
        assertThat(ThreadCpuWatch.group("lede-refresh /tmp/index-7")).isEqualTo("lede-refresh");
        assertThat(ThreadCpuWatch.group("main")).isEqualTo("main");
        assertThat(ThreadCpuWatch.group("42")).isEqualTo("42");
    }

    @Test
    void aThreadRunningBeforeTheWatch_countsFromItsStart() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread merge = burner(ThreadCpuWatch.MERGES + " #1", 200_000_000L, first, release);
        merge.start();
        first.await();
        try (ThreadCpuWatch watch = new ThreadCpuWatch()) {
            Thread.sleep(60);
            assertThat(watch.cpuSeconds(ThreadCpuWatch.MERGES)).isLessThan(0.05);
        } finally {
            release.countDown();
            merge.join();
        }
    }

    @Test
    void waitForMerges_returnsOnlyOnceNoMergeThreadIsAlive() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread merge = new Thread(
                () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                ThreadCpuWatch.MERGES + " #97");
        merge.setDaemon(true);
        merge.start();
        AtomicBoolean returned = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                BenchRun.waitForMerges();
                returned.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        Thread.sleep(300);
        assertThat(BenchRun.mergeThreadAlive()).isTrue();
        assertThat(returned).isFalse();
        release.countDown();
        merge.join();
        waiter.join(60_000);
        assertThat(returned).isTrue();
        assertThat(BenchRun.mergeThreadAlive()).isFalse();
    }
}
