package dev.lede.internal.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the files under a path and the reader for each, by file extension. Hidden files and
 * folders (names starting with {@code .}) are passed over. Order is by path, so ids and reports
 * come out the same on every run.
 */
public final class Inputs {
    private final Map<String, ArticleReader> readers;

    public Inputs() {
        this(Map.of(
                "txt", new TextArticleReader(),
                "md", new MarkdownArticleReader(),
                "jsonl", new JsonlArticleReader(),
                "json", new JsonArticleReader()));
    }

    Inputs(Map<String, ArticleReader> readers) {
        this.readers = Map.copyOf(readers);
    }

    /** The reader for a file, by its extension, if the format is supported. */
    public Optional<ArticleReader> readerFor(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(readers.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /**
     * Every regular file under {@code root} (or {@code root} itself when it is a file), named
     * relative to it.
     *
     * @throws NoSuchFileException naming the path when it does not exist
     */
    public List<InputFile> list(Path root) throws IOException {
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such file or folder");
        }
        if (!Files.isDirectory(root)) {
            return List.of(new InputFile(root, root.getFileName().toString()));
        }
        List<InputFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(root.relativize(p)))
                    .sorted()
                    .forEach(p -> files.add(new InputFile(p, relativeName(root, p))));
        }
        return files;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String relativeName(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }
}
