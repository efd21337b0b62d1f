package dev.lede.internal.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the files under a path and the reader for each, by file extension. Hidden files and
 * folders (names starting with {@code .}) are passed over. Order is by path, so ids and reports
 * come out the same on every run. Links to files are followed; links to folders are not, and are
 * listed, as are broken links, link loops and folders that cannot be listed, so that the report
 * says why they were not read (see {@link UnreadablePath}).
 */
public final class Inputs {
    private final Map<String, ArticleReader> readers;

    Inputs() {
        this(Map.of(
                "txt", new TextArticleReader(),
                "md", new MarkdownArticleReader(),
                "jsonl", new JsonlArticleReader(),
                "json", new JsonArticleReader(),
                "html", new HtmlArticleReader(),
                "htm", new HtmlArticleReader(),
                "rss", new FeedArticleReader(),
                "atom", new FeedArticleReader(),
                "xml", new FeedArticleReader()));
    }

    /**
     * The readers of every supported format, made on first use: they load the HTML, feed,
     * Markdown, YAML and JSON parsers (about 120 ms on a cold JVM here), which an application that
     * only adds its own articles or searches never needs. The readers keep no state between files,
     * so one set serves every index and ingest.
     */
    public static Inputs standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final Inputs INSTANCE = new Inputs();
    }

    Inputs(Map<String, ArticleReader> readers) {
        this.readers = Map.copyOf(readers);
    }

    /** The reader for a file, by its extension, if the format is supported. */
    public Optional<ArticleReader> readerFor(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        ArticleReader reader =
                dot < 0 ? null : readers.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (UnreadablePath.applies(file, reader != null)) {
            return Optional.of(UnreadablePath.INSTANCE);
        }
        return Optional.ofNullable(reader);
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
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && isHidden(root.relativize(dir))
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!isHidden(root.relativize(file)) && (attrs.isRegularFile() || attrs.isSymbolicLink())) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (!isHidden(root.relativize(file))) {
                    found.add(file); // an unlistable folder: its reader says so in the report
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found.stream()
                .sorted()
                .map(p -> new InputFile(p, relativeName(root, p)))
                .toList();
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
        if (file.equals(root)) {
            return root.getFileName().toString(); // the folder given could not be listed
        }
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }
}
