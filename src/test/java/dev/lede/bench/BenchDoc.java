package dev.lede.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;

/** One benchmark article: the fields every system indexes (id, title, body), nothing else. */
record BenchDoc(String id, String title, String body) {
    BenchDoc {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }

    /** UTF-8 bytes of the indexed text, for MB/s. */
    long textBytes() {
        return title.getBytes(UTF_8).length + body.getBytes(UTF_8).length;
    }
}
