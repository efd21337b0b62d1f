package dev.lede.internal.index;

import dev.lede.IncompatibleIndexException;
import dev.lede.internal.schema.Schema;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/** Opening an index folder: its format check, its writer, and the user data every commit carries. */
public final class IndexFolder {
    private IndexFolder() {}

    /** The commit user data recording the schema version. */
    public static Map<String, String> commitData() {
        return Map.of(Schema.VERSION_KEY, Integer.toString(Schema.VERSION));
    }

    /** The schema version an existing index was built with, or {@code null} if Lede did not build it. */
    public static String schemaVersion(Directory dir) throws IOException {
        return SegmentInfos.readLatestCommit(dir).getUserData().get(Schema.VERSION_KEY);
    }

    /**
     * Refuses a folder that holds other files, a Lucene index Lede did not build, or an index of
     * another schema version; an empty folder or a Lede index of this version passes.
     */
    public static void check(Directory dir, String location) throws IOException {
        if (!DirectoryReader.indexExists(dir)) {
            try (Stream<String> files = Stream.of(dir.listAll())) {
                if (files.anyMatch(f -> !f.equals(IndexWriter.WRITE_LOCK_NAME))) {
                    throw new IncompatibleIndexException(location
                            + " is not a Lede index: the folder holds other files. Give an empty or new folder for"
                            + " the index.");
                }
            }
            return;
        }
        String version = schemaVersion(dir);
        if (version == null) {
            throw new IncompatibleIndexException(location + " holds a Lucene index that Lede did not build.");
        }
        if (!version.equals(Integer.toString(Schema.VERSION))) {
            throw new IncompatibleIndexException(location + " was built with Lede schema version " + version
                    + "; this Lede reads version " + Schema.VERSION + ". Rebuild it from its own stored articles with"
                    + " 'lede reindex --index " + location + "' (or ArticleIndex.rebuild).");
        }
    }

    /** The folder's write lock, as a writer holds it; fails like a second writer when it is taken. */
    public static Lock lock(Directory dir, String location) throws IOException {
        try {
            return dir.obtainLock(IndexWriter.WRITE_LOCK_NAME);
        } catch (LockObtainFailedException e) {
            throw alreadyOpen(location, e);
        }
    }

    private static IOException alreadyOpen(String location, LockObtainFailedException e) {
        return new IOException(
                "index " + location + " is already open for writing (one writer per index): close the other"
                        + " ArticleIndex or lede process first",
                e);
    }

    /** The one writer of a folder, creating the index (with its first commit) when there is none. */
    public static IndexWriter openWriter(Directory dir, String location, Schema schema, int ramBufferMb)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(schema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(ramBufferMb)
                .setSimilarity(schema.similarity())
                .setCommitOnClose(false);
        IndexWriter writer;
        try {
            writer = new IndexWriter(dir, config);
        } catch (LockObtainFailedException e) {
            throw alreadyOpen(location, e);
        }
        if (!DirectoryReader.indexExists(dir)) {
            writer.setLiveCommitData(commitData().entrySet());
            writer.commit(); // record the schema version, and give readers a first commit to open
        }
        return writer;
    }
}
