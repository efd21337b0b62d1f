package dev.lede.internal.ingest;

import dev.lede.article.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The "reader" for a listed path that is not a file to read: a symbolic link that is broken, loops,
 * or leads to a folder (folder links are not followed, so a link back up the tree cannot make the
 * walk go round), or a folder that could not be listed. It only says why in the report.
 */
final class UnreadablePath implements ArticleReader {
    static final UnreadablePath INSTANCE = new UnreadablePath();

    private UnreadablePath() {}

    /**
     * Whether {@code path} needs this reader: a link to a folder or a loop, a folder, or a broken
     * link with an extension the ingest reads ({@code supported}); links to other formats are
     * passed over like any file of another format.
     */
    static boolean applies(Path path, boolean supported) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isSymbolicLink(path) || Files.isRegularFile(path)) {
            return false;
        }
        return Files.isDirectory(path) || supported || isLoop(path);
    }

    @Override
    public void read(InputFile input, Consumer<Article> sink, ReportCollector report) throws IOException {
        Path path = input.path();
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            report.failed(input.name(), 0, "cannot list the folder (permission denied?); its files were not read");
        } else if (Files.isDirectory(path)) {
            report.skipped(input.name(), 0, folderLink(path));
        } else if (isLoop(path)) {
            report.failed(input.name(), 0, "a symbolic link loop: the link never leads to a file");
        } else {
            report.failed(
                    input.name(), 0, "a broken symbolic link: " + Files.readSymbolicLink(path) + " does not exist");
        }
    }

    private static String folderLink(Path link) throws IOException {
        Path target = link.toRealPath();
        return link.getParent().toRealPath().startsWith(target)
                ? "a symbolic link to a folder that holds it (a loop); not followed"
                : "a symbolic link to a folder; links to folders are not followed";
    }

    /** A link whose target exists as a link but never resolves (a link to itself, or a cycle). */
    private static boolean isLoop(Path link) {
        try {
            Path target = link.resolveSibling(Files.readSymbolicLink(link));
            return !Files.exists(link) && Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }
}
