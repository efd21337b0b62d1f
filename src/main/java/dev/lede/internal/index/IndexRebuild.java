package dev.lede.internal.index;

import dev.lede.article.Article;
import dev.lede.internal.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Reads every live article stored in an index of any Lede schema version, for rebuilding it with
 * this version's schema. The old folder is replaced only once the new index is complete and
 * committed, so a crash during a rebuild leaves the old index as it was.
 */
public final class IndexRebuild {
    private IndexRebuild() {}

    /**
     * Hands every live article stored in {@code folder} to {@code consumer}, one at a time, read
     * without any format check.
     */
    public static void readStored(Path folder, Schema schema, StoredConsumer consumer) throws IOException {
        try (Directory dir = FSDirectory.open(folder);
                DirectoryReader reader = DirectoryReader.open(dir)) {
            Iterator<Article> articles = new Iterator<>() {
                private int leaf;
                private int doc = -1;
                private Article next = advance();

                private Article advance() {
                    try {
                        while (leaf < reader.leaves().size()) {
                            LeafReaderContext ctx = reader.leaves().get(leaf);
                            Bits live = ctx.reader().getLiveDocs();
                            while (++doc < ctx.reader().maxDoc()) {
                                if (live == null || live.get(doc)) {
                                    return schema.toArticle(
                                            ctx.reader().storedFields().document(doc));
                                }
                            }
                            leaf++;
                            doc = -1;
                        }
                        return null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Article next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Article a = next;
                    next = advance();
                    return a;
                }
            };
            consumer.accept(articles);
        }
    }

    /** Takes the stored articles while the old index is open. */
    @FunctionalInterface
    public interface StoredConsumer {
        void accept(Iterator<Article> articles) throws IOException;
    }

    /** Where the new index is built beside the old one. */
    public static Path staging(Path folder) {
        return folder.resolveSibling(folder.getFileName() + ".rebuilding");
    }

    /** Where the old index waits between the two renames of a swap. */
    public static Path previous(Path folder) {
        return folder.resolveSibling(folder.getFileName() + ".previous");
    }

    /**
     * Replaces {@code folder} with the complete index in {@code staging}, keeping the old one as
     * {@link #previous(Path)} (the caller deletes it once the folder's lock is released).
     */
    public static void swap(Path folder, Path staging) throws IOException {
        Path previous = previous(folder);
        deleteTree(previous);
        Files.move(folder, previous, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Refuses to open a folder that a crash in the middle of a swap left missing while its old
     * index waits beside it, rather than starting an empty index there.
     */
    public static void checkNotInterrupted(Path folder) throws IOException {
        Path previous = previous(folder);
        if (!Files.exists(folder) && Files.isDirectory(previous)) {
            throw new IOException("a rebuild of " + folder + " was interrupted: the index is in " + previous
                    + "; rename it back to " + folder + " (or finish with the complete " + staging(folder)
                    + " if it is there)");
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
