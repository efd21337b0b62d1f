package dev.lede.internal.index;

import dev.lede.IncompatibleIndexException;
import dev.lede.IndexFeature;
import dev.lede.internal.schema.Schema;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/** Opening an index folder: its format check, its writer, and the user data every commit carries. */
public final class IndexFolder {
    /**
     * A note beside Lucene's write lock saying which process holds it, so that a second writer can
     * be told whom to close. Lucene leaves files that are not its own alone.
     */
    public static final String OWNER_FILE = "lede-writer.txt";

    private IndexFolder() {}

    /** The commit user data recording the schema version and the index's features. */
    public static Map<String, String> commitData(Set<IndexFeature> features) {
        return Map.of(
                Schema.VERSION_KEY,
                Integer.toString(Schema.version(features)),
                Schema.FEATURES_KEY,
                IndexFeature.labels(features));
    }

    /**
     * The features of the index in {@code dir} as its last commit records them: all of them for an
     * index built before they were recorded.
     *
     * @throws IncompatibleIndexException if the index names a feature this Lede does not know
     */
    public static Set<IndexFeature> features(Directory dir, String location) throws IOException {
        String labels = SegmentInfos.readLatestCommit(dir).getUserData().get(Schema.FEATURES_KEY);
        if (labels == null) {
            return IndexFeature.all();
        }
        try {
            return IndexFeature.parse(labels);
        } catch (IllegalArgumentException e) {
            throw new IncompatibleIndexException(
                    location + " was built with index features '" + labels + "', which this Lede does not know ("
                            + e.getMessage() + "): open it with the Lede that built it.");
        }
    }

    /** The schema version an existing index was built with, or {@code null} if Lede did not build it. */
    public static String schemaVersion(Directory dir) throws IOException {
        return SegmentInfos.readLatestCommit(dir).getUserData().get(Schema.VERSION_KEY);
    }

    /**
     * Refuses a folder that holds other files, a Lucene index Lede did not build, or an index of
     * another schema version; an empty folder or a Lede index of version 2 or 3 passes.
     */
    public static void check(Directory dir, String location) throws IOException {
        if (!DirectoryReader.indexExists(dir)) {
            try (Stream<String> files = Stream.of(dir.listAll())) {
                if (files.anyMatch(f -> !isLeftOfAFirstOpen(f))) {
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
        if (!version.equals(Integer.toString(Schema.VERSION))
                && !version.equals(Integer.toString(Schema.ALL_FEATURES_VERSION))) {
            throw new IncompatibleIndexException(location + " was built with Lede schema version " + version
                    + "; this Lede reads versions " + Schema.ALL_FEATURES_VERSION + " and " + Schema.VERSION
                    + ". Rebuild it from its own stored articles with 'lede reindex --index " + location
                    + "' (or ArticleIndex.rebuild).");
        }
    }

    /**
     * Whether a file may be in a folder that has no commit yet: the lock and owner note of a writer,
     * and the pending commit file of one killed during its first commit (the writer deletes it).
     */
    private static boolean isLeftOfAFirstOpen(String file) {
        return file.equals(IndexWriter.WRITE_LOCK_NAME)
                || file.equals(OWNER_FILE)
                || file.startsWith(IndexFileNames.PENDING_SEGMENTS);
    }

    /** The folder's write lock, as a writer holds it; fails like a second writer when it is taken. */
    public static Lock lock(Directory dir, String location) throws IOException {
        try {
            return dir.obtainLock(IndexWriter.WRITE_LOCK_NAME);
        } catch (LockObtainFailedException e) {
            throw alreadyOpen(dir, location, e);
        }
    }

    private static IOException alreadyOpen(Directory dir, String location, LockObtainFailedException e) {
        String holder = owner(dir);
        return new IOException(
                "index " + location + " is already open for writing" + (holder == null ? "" : " by " + holder)
                        + " (one writer per index): close the other ArticleIndex or lede process first",
                e);
    }

    /** Notes this process as the holder of the folder's write lock; call while holding it. */
    public static void writeOwner(Directory dir) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String command = System.getProperty("sun.java.command", "").strip();
        if (command.length() > 80) {
            command = command.substring(0, 77) + "...";
        }
        String note = self.pid() + "\n" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n" + command + "\n";
        clearOwner(dir);
        try (IndexOutput out = dir.createOutput(OWNER_FILE, IOContext.DEFAULT)) {
            out.writeString(note);
        }
    }

    /** Removes this process's note; call before releasing the lock. */
    public static void clearOwner(Directory dir) throws IOException {
        try {
            dir.deleteFile(OWNER_FILE);
        } catch (NoSuchFileException | FileNotFoundException e) {
            // no note: nothing to clear
        }
    }

    /** "process 1234 (command), since 2026-...", or {@code null} when no live process is noted. */
    static String owner(Directory dir) {
        try (IndexInput in = dir.openInput(OWNER_FILE, IOContext.READONCE)) {
            String[] lines = in.readString().split("\n", -1);
            long pid = Long.parseLong(lines[0]);
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                String command = lines.length > 2 && !lines[2].isBlank() ? " (" + lines[2] + ")" : "";
                return "process " + pid + command + ", since " + lines[1];
            }
        } catch (IOException | RuntimeException e) {
            // no readable note: the message goes without a holder
        }
        return null;
    }

    /** The one writer of a folder, creating the index (with its first commit) when there is none. */
    public static IndexWriter openWriter(Directory dir, String location, Schema schema, int ramBufferMb)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(schema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(ramBufferMb)
                .setCodec(new LedeCodec())
                .setSimilarity(schema.similarity())
                .setCommitOnClose(false);
        IndexWriter writer;
        try {
            writer = new IndexWriter(dir, config);
        } catch (LockObtainFailedException e) {
            throw alreadyOpen(dir, location, e);
        }
        writeOwner(dir);
        if (!DirectoryReader.indexExists(dir)) {
            writer.setLiveCommitData(commitData(schema.features()).entrySet());
            writer.commit(); // record the schema version, and give readers a first commit to open
        }
        return writer;
    }
}
