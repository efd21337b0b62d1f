package dev.lede;

import java.util.Locale;
import java.util.Random;

/**
 * How one {@link CrashIngestProcess} ingests and when {@link CrashResumeTest} kills it: {@code
 * delayMillis} after the child's {@code nth} line starting with {@code mark}.
 *
 * @param mode {@code chunks} or {@code file}
 * @param chunkSize articles per {@code addAll} in chunks mode
 * @param commitMillis the ingest's commit interval
 * @param mark the line that starts the countdown: {@code started}, {@code opened}, {@code
 *     commit-start}, {@code merging} or {@code closing}
 * @param nth which occurrence of the mark
 * @param delayMillis from the mark to the kill
 * @param selfKill {@code POINT#N}: the child kills itself at the Nth time Lucene reaches POINT
 *     (see {@link CrashIngestProcess}), or {@code none#0}
 * @param fresh whether the folder had no commit when the child started
 */
record KillPlan(
        String mode,
        int chunkSize,
        int commitMillis,
        String mark,
        int nth,
        int delayMillis,
        String selfKill,
        boolean fresh) {
    /** A mark no child prints: the test waits for the child to kill itself. */
    static final String NO_MARK = "none";

    /**
     * A plan aimed at one phase: index creation (half the plans for a fresh folder), the start,
     * commits, merges, close, an exact point of a commit or merge (the child kills itself there),
     * or a random moment of the ingest, biased early.
     */
    static KillPlan draw(Random random, boolean fresh) {
        String mode = random.nextBoolean() ? "chunks" : "file";
        int chunkSize = 500 + random.nextInt(3_000);
        int commitMillis = 100 + random.nextInt(400);
        int pick = random.nextInt(100);
        String mark;
        int nth = 1;
        int delay = 0;
        String selfKill = "none#0";
        if (fresh && pick < 50) {
            // Creating the index: its first commit is the first commit-start after "started".
            mark = pick < 17 ? "started" : "commit-start";
            delay = random.nextInt(pick < 17 ? 200 : 25);
            if (pick >= 34) {
                mark = NO_MARK;
                selfKill = (pick < 42 ? "commit-written" : "commit-renamed") + "#1";
            }
        } else if (pick < 20) {
            mark = "commit-start";
            nth = 1 + random.nextInt(10);
            delay = random.nextInt(40);
        } else if (pick < 32) {
            mark = "merging";
            nth = 1 + random.nextInt(10);
            delay = random.nextInt(30);
        } else if (pick < 40) {
            mark = "closing";
            delay = random.nextInt(150);
        } else if (pick < 48) {
            mark = "started";
            delay = random.nextInt(600);
        } else if (pick < 63) {
            mark = NO_MARK;
            String[] points = {"commit-written", "commit-renamed", "merge-written"};
            selfKill = points[random.nextInt(points.length)] + "#" + (1 + random.nextInt(12));
        } else {
            mark = "opened";
            delay = random.nextInt(random.nextBoolean() ? 800 : 4_000);
        }
        return new KillPlan(mode, chunkSize, commitMillis, mark, nth, delay, selfKill, fresh);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s%s, commits every %d ms, %s%s",
                mode,
                mode.equals("chunks") ? " of " + chunkSize : "",
                commitMillis,
                mark.equals(NO_MARK)
                        ? "kills itself at " + selfKill
                        : "kill " + delayMillis + " ms after " + mark + " #" + nth,
                fresh ? " (fresh folder)" : "");
    }
}
