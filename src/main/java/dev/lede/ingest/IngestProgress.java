package dev.lede.ingest;

/**
 * How far an ingest has come, as handed to {@link IngestOptions#onProgress}.
 *
 * @param filesDone files read so far
 * @param filesTotal files to read (0 when ingesting articles rather than files)
 * @param articlesRead articles read so far, valid or not yet written
 * @param added articles new to the index so far
 * @param updated articles that replaced a different version so far
 * @param unchanged articles found identical to the indexed version so far
 */
public record IngestProgress(
        int filesDone, int filesTotal, long articlesRead, long added, long updated, long unchanged) {

    /** Articles written or checked so far. */
    public long articlesDone() {
        return added + updated + unchanged;
    }
}
