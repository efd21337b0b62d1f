package dev.lede.internal.index;

import dev.lede.internal.schema.Schema;
import dev.lede.internal.schema.Schema.FileStamp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * What the index knows about the files its articles were read from: per file, its state when it
 * was last read and how many articles it gave. An ingest of a folder compares it with the files
 * there now, to skip the unchanged ones and remove the articles of the ones that are gone.
 */
final class FileOrigins {
    /** A file's recorded state and its live articles' ids. */
    record Known(FileStamp stamp, Set<String> ids) {}

    private FileOrigins() {}

    /**
     * The key a file is known by: its absolute, normalised path and, after a NUL, the name it was
     * ingested under (plain-text ids come from it), so the same file ingested through another
     * folder is another file, whose articles replace the old ones.
     */
    static String key(Path file, String name) {
        return path(file) + '\u0000' + name;
    }

    private static String path(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /**
     * Every file recorded under {@code scope} (a folder: the files below it; a file: itself, under
     * any name) in {@code reader}.
     */
    static Map<String, Known> under(DirectoryReader reader, Path scope, boolean folder) throws IOException {
        String root = path(scope);
        String prefix = folder
                ? (root.endsWith(scope.getFileSystem().getSeparator())
                        ? root
                        : root + scope.getFileSystem().getSeparator())
                : root + '\u0000';
        BytesRef from = new BytesRef(prefix);
        BytesRef to = new BytesRef(Arrays.copyOf(from.bytes, from.length + 1));
        to.bytes[from.length] = (byte) 0xFF; // after every UTF-8 text with the prefix
        Map<String, Known> known = new HashMap<>();
        for (LeafReaderContext ctx : reader.leaves()) {
            LeafReader leaf = ctx.reader();
            SortedDocValues origins = leaf.getSortedDocValues(Schema.ORIGIN);
            if (origins == null) {
                continue;
            }
            // Origins are sorted, so those under the scope are one range of ordinals.
            int lo = ordinal(origins.lookupTerm(from));
            int hi = ordinal(origins.lookupTerm(to));
            if (lo >= hi) {
                continue;
            }
            SortedDocValues ids = leaf.getSortedDocValues(Schema.ID);
            NumericDocValues sizes = leaf.getNumericDocValues(Schema.ORIGIN_SIZE);
            NumericDocValues mtimes = leaf.getNumericDocValues(Schema.ORIGIN_MTIME);
            NumericDocValues counts = leaf.getNumericDocValues(Schema.ORIGIN_ARTICLES);
            BinaryDocValues hashes = leaf.getBinaryDocValues(Schema.ORIGIN_HASH);
            Bits live = leaf.getLiveDocs();
            for (int doc = origins.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = origins.nextDoc()) {
                int ord = origins.ordValue();
                if (ord < lo || ord >= hi || (live != null && !live.get(doc))) {
                    continue;
                }
                String origin = origins.lookupOrd(ord).utf8ToString();
                long size = sizes.advanceExact(doc) ? sizes.longValue() : -1;
                long mtime = mtimes.advanceExact(doc) ? mtimes.longValue() : -1;
                long count = counts.advanceExact(doc) ? counts.longValue() : -1;
                byte[] hash = new byte[0];
                if (hashes.advanceExact(doc)) {
                    BytesRef b = hashes.binaryValue();
                    hash = Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length);
                }
                String id =
                        ids.advanceExact(doc) ? ids.lookupOrd(ids.ordValue()).utf8ToString() : null;
                FileStamp stamp = new FileStamp(origin, size, mtime, hash, count);
                Known k = known.computeIfAbsent(origin, o -> new Known(stamp, new HashSet<>()));
                // Articles written at different times may hold different states: any mismatch
                // makes the file count as changed.
                if (!same(k.stamp(), stamp)) {
                    known.put(origin, new Known(changed(origin), k.ids()));
                }
                if (id != null) {
                    known.get(origin).ids().add(id);
                }
            }
        }
        // A file some of whose articles were deleted (or now come from another file) is read again,
        // so that an ingest puts back what the folder holds.
        known.replaceAll(
                (origin, k) -> k.ids().size() < k.stamp().articles() ? new Known(changed(origin), k.ids()) : k);
        return known;
    }

    // lookupTerm gives the term's ordinal, or -(where it would go) - 1.
    private static int ordinal(int found) {
        return found >= 0 ? found : -found - 1;
    }

    /** A state that matches no file: for a file that must be read again. */
    static FileStamp changed(String origin) {
        return new FileStamp(origin, -1, -1, new byte[0], -1);
    }

    private static boolean same(FileStamp a, FileStamp b) {
        return a.size() == b.size()
                && a.mtime() == b.mtime()
                && a.articles() == b.articles()
                && Arrays.equals(a.hash(), b.hash());
    }

    /** The file's size and modification time now, with no hash yet; {@code null} if it cannot be read. */
    static FileStamp attributes(Path file, String name) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return null;
            }
            return new FileStamp(
                    key(file, name), attrs.size(), attrs.lastModifiedTime().toMillis(), null, -1);
        } catch (IOException e) {
            return null; // its reader reports why
        }
    }

    /**
     * A hash of the name the file is ingested under (plain-text ids come from it) and its bytes.
     *
     * @throws IOException if the file cannot be read
     */
    static byte[] hash(Path file, String name) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return Arrays.copyOf(sha.digest(), 16);
    }
}
