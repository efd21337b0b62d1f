package dev.lede.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one ingest did: how many articles it added (or replaced, by id), how many records it
 * skipped as invalid, how many files or records failed to read, and why.
 *
 * <p>Bad input is data, not an exception: every problem is listed in {@link #problems()} and
 * everything else is indexed.
 *
 * @param files files read (supported formats only)
 * @param added articles written to the index; an article whose id was already there replaces it
 * @param skipped records read but not valid articles
 * @param failed files or records that could not be read
 * @param ignoredFiles files passed over because their format is not supported
 * @param problems every skipped, failed or warned record or file, in input order
 * @param took wall-clock time of the ingest, commit included
 */
public record IngestReport(
        int files, int added, int skipped, int failed, int ignoredFiles, List<IngestProblem> problems, Duration took) {

    public IngestReport {
        if (files < 0 || added < 0 || skipped < 0 || failed < 0 || ignoredFiles < 0) {
            throw new IllegalArgumentException("counts must be 0 or more");
        }
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        Objects.requireNonNull(took, "took");
    }

    /** Whether every record read was indexed as it was. */
    public boolean clean() {
        return skipped == 0 && failed == 0 && problems.isEmpty();
    }

    /** The sum of two reports, as for one ingest of several paths. */
    public IngestReport plus(IngestReport other) {
        return new IngestReport(
                files + other.files,
                added + other.added,
                skipped + other.skipped,
                failed + other.failed,
                ignoredFiles + other.ignoredFiles,
                concat(problems, other.problems),
                took.plus(other.took));
    }

    private static List<IngestProblem> concat(List<IngestProblem> a, List<IngestProblem> b) {
        var all = new java.util.ArrayList<IngestProblem>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
