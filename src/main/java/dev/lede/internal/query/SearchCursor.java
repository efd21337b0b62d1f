package dev.lede.internal.query;

import dev.lede.query.SortOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * The opaque cursor of search-after paging: the sort order, the last hit's sort value (its score,
 * or its publication time) and its id. Because the id is the final tie-break and unique, the next
 * page starts exactly after that article, whatever was added to the index in between.
 */
final class SearchCursor {
    private static final String VERSION = "c1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SearchCursor() {}

    /** The cursor after {@code last}, a hit sorted by {@code sort}. */
    static String encode(SortOrder sort, FieldDoc last) {
        String value = sort == SortOrder.RELEVANCE
                ? Integer.toHexString(Float.floatToIntBits((Float) last.fields[0]))
                : Long.toString((Long) last.fields[0]);
        BytesRef id = (BytesRef) last.fields[1];
        String text = VERSION + ":" + sort.name() + ":" + value + ":"
                + ENCODER.encodeToString(java.util.Arrays.copyOfRange(id.bytes, id.offset, id.offset + id.length));
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The search-after position a cursor stands for.
     *
     * @throws IllegalArgumentException if it is not a cursor, or was made for another sort order
     */
    static FieldDoc decode(String cursor, SortOrder sort) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
        } catch (IllegalArgumentException e) {
            throw notACursor(cursor);
        }
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw notACursor(cursor);
        }
        if (!parts[1].equals(sort.name())) {
            throw new IllegalArgumentException(
                    "the cursor was made for sort order " + parts[1] + ", not " + sort.name());
        }
        try {
            Object value = sort == SortOrder.RELEVANCE
                    ? (Object) Float.intBitsToFloat(Integer.parseUnsignedInt(parts[2], 16))
                    : (Object) Long.parseLong(parts[2]);
            BytesRef id = new BytesRef(Base64.getUrlDecoder().decode(parts[3]));
            // Doc ids never tie here (the unique id field comes last), so any doc id will do.
            return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {value, id});
        } catch (IllegalArgumentException e) {
            throw notACursor(cursor);
        }
    }

    private static IllegalArgumentException notACursor(String cursor) {
        String shown = cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor;
        return new IllegalArgumentException("'" + shown + "' is not a cursor from a previous page's nextCursor");
    }
}
