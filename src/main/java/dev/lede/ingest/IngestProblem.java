package dev.lede.ingest;

import java.util.Objects;

/**
 * One thing an ingest could not take as it was: a file or record that was skipped or failed, or
 * a value that was dropped from an article that was still indexed.
 *
 * @param file the file, relative to the folder ingested (its name when a single file was given)
 * @param line the 1-based line (or array position) of the record, or 0 for the whole file
 * @param outcome what happened to the record or file
 * @param reason what was wrong, in words a user can act on
 */
public record IngestProblem(String file, int line, Outcome outcome, String reason) {

    /** What an ingest did with a problem record or file. */
    public enum Outcome {
        /** The record was read but is not a valid article (no id, no text); nothing was indexed. */
        SKIPPED,
        /** The file or record could not be read (unreadable file, malformed JSON); nothing was indexed. */
        FAILED,
        /** The article was indexed, but a value was dropped (say, an unparseable date). */
        WARNING
    }

    public IngestProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 or more, not " + line);
        }
    }

    /** {@code file:line: reason (outcome)}, the form the CLI prints. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return where + ": " + reason + " (" + outcome.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
