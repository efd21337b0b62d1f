package dev.lede;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One {@link CrashIngestProcess} JVM, the lines it printed, and its end. Not thread-safe. */
final class ChildIngest {
    // Long enough for a whole ingest on a loaded machine; a child still running then is killed.
    private static final long PATIENCE_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final String END = "\u0000end of output";

    /** A commit the child saw through: its generation and live articles. */
    record Durable(long generation, long articles) {}

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final List<String> lines = new ArrayList<>();
    private boolean ended;
    private boolean timedOut;

    private ChildIngest(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread pump = new Thread(this::pump, "crash-child-output");
        pump.setDaemon(true);
        pump.start();
    }

    static ChildIngest start(Path folder, KillPlan plan, Path file, Path stderr) throws IOException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-Djava.util.logging.config.file="
                        + TestFiles.resource("logging.properties").toAbsolutePath(),
                "-cp",
                classPath,
                CrashIngestProcess.class.getName(),
                folder.toString(),
                plan.mode(),
                file.toString(),
                Integer.toString(plan.chunkSize()),
                Integer.toString(plan.commitMillis()),
                plan.selfKill());
        Process process =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new ChildIngest(process, stderr);
    }

    private void pump() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                pending.add(line);
            }
        } catch (IOException e) {
            pending.add("read failed: " + e);
        }
        pending.add(END);
    }

    /**
     * Kills the child with SIGKILL as the plan says, unless it ends first; waits for it and reads
     * the rest of its output.
     *
     * @return its exit status: 137 when killed
     */
    int killAt(KillPlan plan) throws InterruptedException {
        if (await(plan.mark(), plan.nth())) {
            Thread.sleep(plan.delayMillis());
        }
        process.destroyForcibly(); // SIGKILL on Linux; nothing when it has exited already
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("a SIGKILLed child is still running: " + process.pid());
        }
        while (!ended) {
            String line = pending.poll(1, TimeUnit.MINUTES);
            if (line == null) {
                throw new IllegalStateException("the output of a dead child never ended");
            }
            take(line);
        }
        return process.exitValue();
    }

    /** Waits for the nth line starting with {@code mark}; false when the child ended first. */
    private boolean await(String mark, int nth) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        int seen = 0;
        while (!ended) {
            String line = pending.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                timedOut = true;
                return false;
            }
            take(line);
            if (line.startsWith(mark) && ++seen == nth) {
                return true;
            }
        }
        return false;
    }

    private void take(String line) {
        if (line.equals(END)) {
            ended = true;
        } else {
            lines.add(line);
        }
    }

    /** Whether the child neither reached its mark nor ended within five minutes, and was killed then. */
    boolean timedOut() {
        return timedOut;
    }

    /** The last commit the child reported durable, or {@code null}. */
    Durable lastDurable() {
        Durable last = null;
        for (String line : lines) {
            if (line.startsWith("durable ")) {
                String[] parts = line.split(" ");
                last = new Durable(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            }
        }
        return last;
    }

    /** The number K of the child's last {@code committed K} line, or 0. */
    int lastCommittedChunk() {
        int last = 0;
        for (String line : lines) {
            if (line.startsWith("committed ")) {
                last = Integer.parseInt(line.substring("committed ".length()));
            }
        }
        return last;
    }

    /**
     * Where the child was when it died, by its last lines: creating or opening the index, closing
     * it, committing, writing a merged segment, or otherwise ingesting, with the exact point when it
     * killed itself; {@code finished} when it closed.
     */
    String phase(boolean fresh) {
        String phase = fresh ? "creating" : "opening";
        boolean committing = false;
        boolean merging = false;
        String point = null;
        for (String line : lines) {
            if (line.startsWith("self-kill ")) {
                point = line.substring("self-kill ".length());
            }
            switch (line) {
                case "opened" -> phase = "ingesting";
                case "closing" -> phase = "closing";
                case "closed" -> phase = "finished";
                case "commit-start" -> committing = true;
                case "merging" -> merging = true;
                case "merged" -> merging = false;
                default -> {
                    if (line.startsWith("durable ")) {
                        committing = false;
                    }
                }
            }
        }
        if (point != null) {
            return phase.equals("ingesting") ? point : phase + " at " + point;
        }
        if (!phase.equals("ingesting")) {
            return phase;
        }
        return committing ? "committing" : merging ? "merging" : phase;
    }

    String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
