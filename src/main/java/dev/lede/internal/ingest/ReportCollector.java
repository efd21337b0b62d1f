package dev.lede.internal.ingest;

import dev.lede.ingest.IngestProblem;
import dev.lede.ingest.IngestProblem.Outcome;
import java.util.ArrayList;
import java.util.List;

/** The file counts and problems readers find during one ingest. Used by one thread at a time. */
public final class ReportCollector {
    private int files;
    private int ignoredFiles;
    private long skipped;
    private long failed;
    private final List<IngestProblem> problems = new ArrayList<>();

    public void fileRead() {
        files++;
    }

    public void fileIgnored() {
        ignoredFiles++;
    }

    public void skipped(String file, int line, String reason) {
        skipped++;
        problems.add(new IngestProblem(file, line, Outcome.SKIPPED, reason));
    }

    public void failed(String file, int line, String reason) {
        failed++;
        problems.add(new IngestProblem(file, line, Outcome.FAILED, reason));
    }

    public void warning(String file, int line, String reason) {
        problems.add(new IngestProblem(file, line, Outcome.WARNING, reason));
    }

    /** Adds what another collector found (a file read ahead on another thread), after this one's. */
    public void add(ReportCollector other) {
        files += other.files;
        ignoredFiles += other.ignoredFiles;
        skipped += other.skipped;
        failed += other.failed;
        problems.addAll(other.problems);
    }

    public int files() {
        return files;
    }

    public int ignoredFiles() {
        return ignoredFiles;
    }

    public long skipped() {
        return skipped;
    }

    public long failed() {
        return failed;
    }

    public List<IngestProblem> problems() {
        return List.copyOf(problems);
    }
}
