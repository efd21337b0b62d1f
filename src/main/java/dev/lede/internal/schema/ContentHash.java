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
 */
public final class ContentHash {
    public static final int BYTES = 16;

    private ContentHash() {}

    public static byte[] of(Article a) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        // Each value is length-prefixed, so no two different articles serialise alike.
        add(sha, a.id());
        add(sha, a.title());
        add(sha, a.body());
        add(sha, a.url());
        add(sha, a.source());
        add(sha, a.authors());
        add(sha, a.published() == null ? null : a.published().toString());
        add(sha, a.topics());
        add(sha, a.language());
        add(sha, a.notice());
        for (Map.Entry<String, String> e : a.extra().entrySet()) {
            add(sha, e.getKey());
            add(sha, e.getValue());
        }
        return Arrays.copyOf(sha.digest(), BYTES);
    }

    private static void add(MessageDigest sha, List<String> values) {
        add(sha, Integer.toString(values.size()));
        values.forEach(v -> add(sha, v));
    }

    private static void add(MessageDigest sha, String value) {
        if (value == null) {
            sha.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) 1);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }
}
