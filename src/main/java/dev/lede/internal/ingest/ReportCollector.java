package dev.lede.internal.ingest;

import dev.lede.ingest.IngestProblem;
import dev.lede.ingest.IngestProblem.Outcome;
import dev.lede.ingest.IngestReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Counts and problems gathered while one ingest runs. Not thread-safe. */
public final class ReportCollector {
    private int files;
    private int added;
    private int skipped;
    private int failed;
    private int ignoredFiles;
    private final List<IngestProblem> problems = new ArrayList<>();

    public void fileRead() {
        files++;
    }

    public void fileIgnored() {
        ignoredFiles++;
    }

    public void added() {
        added++;
    }

    public int addedSoFar() {
        return added;
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

    public IngestReport report(Duration took) {
        return new IngestReport(files, added, skipped, failed, ignoredFiles, problems, took);
    }
}
