package dev.lede.internal.schema;

import dev.lede.article.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@link ContentHash} as it first shipped (one digest call per piece, the numbers as strings),
 * kept to compare with: {@code ContentHashTest} checks that the current computation gives the same
 * bytes, and {@code ContentHashBenchmark} (src/jmh) times both.
 */
public final class ShippedContentHash {
    private ShippedContentHash() {}

    public static byte[] of(Article a) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        return Arrays.copyOf(sha.digest(), ContentHash.BYTES);
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
