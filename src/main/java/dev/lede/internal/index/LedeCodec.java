package dev.lede.internal.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with stored fields compressed in small chunks, so that loading the page of
 * articles a search returns costs a few microseconds per article instead of tens.
 *
 * <p>Lucene's default stores documents in chunks of about 80 KB compressed against a shared
 * dictionary: reading one article decompresses the dictionary and a block of neighbours. A search
 * loads every hit of its page, and on the benchmark that reading was half of a search's time. Here
 * each chunk holds at most {@value #CHUNK_BYTES} bytes (or {@value #CHUNK_DOCS} articles; a longer
 * article is a chunk of its own), compressed with plain LZ4, so an article decompresses with at most
 * a neighbour or two: ten articles load about five times faster, for an index about 4% larger on
 * Reuters (docs/bench, "Stored articles").
 *
 * <p>Found by name when an index is read, so the name stays as long as Lede reads such segments;
 * segments written by Lucene's own codec (indexes from earlier Lede versions) stay readable, and
 * merges rewrite them in this one.
 */
public final class LedeCodec extends FilterCodec {
    /** The name recorded in every segment this codec writes. */
    public static final String NAME = "Lede104";

    static final int CHUNK_BYTES = 2 * 1024;
    static final int CHUNK_DOCS = 16;

    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
            "LedeStoredFieldsSmallChunks", CompressionMode.FAST, CHUNK_BYTES, CHUNK_DOCS, 10);

    /** For Lucene's codec lookup (META-INF/services) and for writers. */
    public LedeCodec() {
        // The concrete codec, not Codec.getDefault(): a codec looked up while codecs load fails.
        super(NAME, new Lucene104Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
