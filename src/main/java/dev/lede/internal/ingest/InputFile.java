package dev.lede.internal.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to ingest and the name it is known by: its path relative to the folder given, with
 * {@code /} separators, or its file name when the file itself was given. Plain-text articles
 * take that name as their id.
 */
public record InputFile(Path path, String name) {
    public InputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
    }
}
