package dev.lede.internal.schema;

import dev.lede.article.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A 128-bit fingerprint of everything an article holds (SHA-256, truncated): equal for equal
 * articles, different for any change. It is what tells an updated article from an unchanged one
 * when the same input is ingested again.
 *
 * <p>The hash is stored in the index and compared with the hash of the same article offered by any
 * later version, so its input never changes: each value, in a fixed order, as a 0 byte when absent,
 * otherwise a 1 byte, its UTF-8 length in decimal digits, a colon and its UTF-8 bytes; a list as its
 * size in that form, then its values. The input is laid out in one buffer and digested with one
 * call. A sync offers mostly unchanged articles, and hashing each is much of what telling them
 * costs, so a bulk ingest keeps one instance per indexing thread, with its digest and buffer; {@link
 * #of} makes a new one for each article. An instance is not thread-safe.
 */
public final class ContentHash {
    public static final int BYTES = 16;

    private static final int START_BUFFER_BYTES = 1024;

    /** A buffer grown past this for a very large article is not kept for the next one. */
    private static final int KEEP_BUFFER_BYTES = 1 << 20;

    private final MessageDigest sha;
    private byte[] buffer = new byte[START_BUFFER_BYTES];
    private int length;

    /** A hasher to use for article after article, on one thread. */
    public ContentHash() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The hash of one article, from a hasher made for it. */
    public static byte[] of(Article a) {
        return new ContentHash().hash(a);
    }

    /** The hash of the article. */
    public byte[] hash(Article a) {
        length = 0;
        add(a.id());
        add(a.title());
        add(a.body());
        add(a.url());
        add(a.source());
        add(a.authors());
        add(a.published() == null ? null : a.published().toString());
        add(a.topics());
        add(a.language());
        add(a.notice());
        for (Map.Entry<String, String> e : a.extra().entrySet()) {
            add(e.getKey());
            add(e.getValue());
        }
        sha.update(buffer, 0, length);
        if (buffer.length > KEEP_BUFFER_BYTES) {
            buffer = new byte[START_BUFFER_BYTES];
        }
        return Arrays.copyOf(sha.digest(), BYTES);
    }

    /** The list's size as a value (its decimal digits are that value's bytes), then each element. */
    private void add(List<String> values) {
        int size = values.size();
        room(1 + 2 + 1 + 10);
        buffer[length++] = 1;
        putDecimal(digits(size));
        buffer[length++] = ':';
        putDecimal(size);
        for (String v : values) {
            add(v);
        }
    }

    private void add(String value) {
        if (value == null) {
            room(1);
            buffer[length++] = 0;
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        room(1 + 10 + 1 + bytes.length);
        buffer[length++] = 1;
        putDecimal(bytes.length);
        buffer[length++] = ':';
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    /** Writes a non-negative number's decimal digits, as {@code Integer.toString} has them. */
    private void putDecimal(int n) {
        int end = length + digits(n);
        for (int i = end - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        length = end;
    }

    private static int digits(int n) {
        int digits = 1;
        while (n >= 10) {
            n /= 10;
            digits++;
        }
        return digits;
    }

    private void room(int bytes) {
        if (length + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
        }
    }
}
