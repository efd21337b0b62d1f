package dev.lede.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one ingest did: how many articles were new (added), replaced a different version
 * (updated), or matched the indexed version exactly (unchanged, and cost almost nothing); how many
 * records were skipped as invalid and how many files or records failed to read, and why.
 *
 * <p>Bad input is data, not an exception: every problem is listed in {@link #problems()} and
 * everything else is indexed.
 *
 * @param files files read (supported formats only)
 * @param unchangedFiles files not read again because the index holds them as they are (same size
 *     and modification time, or same bytes); their articles count as unchanged
 * @param added articles whose id was not in the index
 * @param updated articles that replaced a different article with the same id
 * @param unchanged articles identical to the one already indexed under their id; not rewritten
 * @param deleted articles removed because the file they were read from is no longer under the
 *     folder ingested, or no longer holds them
 * @param skipped records read but not valid articles
 * @param failed files or records that could not be read
 * @param ignoredFiles files passed over because their format is not supported
 * @param cancelled whether the ingest stopped early because it was cancelled
 * @param problems every skipped, failed or warned record or file, in input order
 * @param took wall-clock time of the ingest, commit included
 */
public record IngestReport(
        int files,
        int unchangedFiles,
        long added,
        long updated,
        long unchanged,
        long deleted,
        long skipped,
        long failed,
        int ignoredFiles,
        boolean cancelled,
        List<IngestProblem> problems,
        Duration took) {

    public IngestReport {
        if (files < 0
                || unchangedFiles < 0
                || added < 0
                || updated < 0
                || unchanged < 0
                || deleted < 0
                || skipped < 0
                || failed < 0
                || ignoredFiles < 0) {
            throw new IllegalArgumentException("counts must be 0 or more");
        }
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        Objects.requireNonNull(took, "took");
    }

    /** Articles written or confirmed: added, updated and unchanged. */
    public long articles() {
        return added + updated + unchanged;
    }

    /** Whether every record read was indexed as it was. */
    public boolean clean() {
        return skipped == 0 && failed == 0 && problems.isEmpty() && !cancelled;
    }

    /** The sum of two reports, as for one ingest of several paths. */
    public IngestReport plus(IngestReport other) {
        List<IngestProblem> all = new ArrayList<>(problems);
        all.addAll(other.problems);
        return new IngestReport(
                files + other.files,
                unchangedFiles + other.unchangedFiles,
                added + other.added,
                updated + other.updated,
                unchanged + other.unchanged,
                deleted + other.deleted,
                skipped + other.skipped,
                failed + other.failed,
                ignoredFiles + other.ignoredFiles,
                cancelled || other.cancelled,
                all,
                took.plus(other.took));
    }
}
