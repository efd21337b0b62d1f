package dev.lede.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * CPU time each Java thread spends from a point on, sampled every {@value #POLL_MS} ms (a thread's
 * time can only be read while it runs, and Lucene's merge threads end with their merge; a thread
 * that lives shorter than that may be missed), added up by {@linkplain #group thread group}: the
 * indexing threads, the caller, Lucene's merge threads. A merge that the work
 * being timed left to run in the background, or that one finished before it started, competes with
 * it for the cores: this tells how much of a phase's CPU went there, whichever system started the
 * merge and whether or not it was ever committed. The JVM's own threads (garbage collection, the
 * JIT compilers) are not Java threads and are not seen: the process's CPU minus the sum of {@link
 * #byGroup} is theirs.
 */
final class ThreadCpuWatch implements AutoCloseable {
    /** The group of Lucene's merge threads ("Lucene Merge Thread #3"). */
    static final String MERGES = "Lucene Merge Thread";

    private static final long POLL_MS = 20;
    // A thread's number at the end ("lede-ingest-2", "Lucene Merge Thread #0").
    private static final Pattern NUMBER = Pattern.compile("[\\s#-]*\\d+$");
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // By thread id: its group, CPU nanoseconds when first seen (0 for a thread started after this
    // watch), and the latest reading.
    private final Map<Long, Seen> seen = new HashMap<>();
    private final Thread sampler;

    private static final class Seen {
        final String group;
        final long start;
        long latest;

        Seen(String group, long start) {
            this.group = group;
            this.start = start;
            this.latest = start;
        }
    }

    ThreadCpuWatch() {
        synchronized (seen) {
            poll(true);
        }
        sampler = new Thread(this::run, "cpu-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /**
     * A thread's group: its name without the number at its end, and without what follows a space and
     * a slash ("lede-refresh /tmp/index" is "lede-refresh").
     */
    static String group(String threadName) {
        int path = threadName.indexOf(" /");
        String name = path < 0 ? threadName : threadName.substring(0, path);
        String group = NUMBER.matcher(name).replaceFirst("");
        return group.isEmpty() ? name : group;
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
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue; // ended meanwhile
            }
            Seen t = seen.computeIfAbsent(
                    info.getThreadId(), id -> new Seen(group(info.getThreadName()), atStart ? cpu : 0));
            t.latest = Math.max(t.latest, cpu);
        }
    }

    /** CPU seconds the threads of {@code group} spent since this watch started. */
    double cpuSeconds(String group) {
        return byGroup().getOrDefault(group, 0.0);
    }

    /** CPU seconds by thread group since this watch started, groups that spent none left out. */
    Map<String, Double> byGroup() {
        Map<String, Long> nanos = new TreeMap<>();
        synchronized (seen) {
            poll(false);
            for (Seen t : seen.values()) {
                if (t.latest > t.start) {
                    nanos.merge(t.group, t.latest - t.start, Long::sum);
                }
            }
        }
        Map<String, Double> seconds = new TreeMap<>();
        nanos.forEach((group, n) -> seconds.put(group, n / 1e9));
        return seconds;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
