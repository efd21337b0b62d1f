package dev.lede.cli;

import java.nio.file.Path;

/**
 * What the launcher tells the CLI about where it runs: the Lede home (for the default index and
 * sample), and whether stdout and stderr are terminals.
 *
 * @param home the folder holding {@code index-data/}
 * @param stdoutIsTerminal whether to use terminal styling on stdout
 * @param stderrIsTerminal whether stderr is a terminal
 */
public record CliEnvironment(Path home, boolean stdoutIsTerminal, boolean stderrIsTerminal) {

    /** From the launcher's system properties ({@code lede.home}, {@code lede.stdout.tty}, ...). */
    public static CliEnvironment fromSystem() {
        String home = System.getProperty("lede.home");
        boolean color = System.getenv("NO_COLOR") == null;
        return new CliEnvironment(
                home == null || home.isBlank() ? Path.of("") : Path.of(home),
                color && Boolean.getBoolean("lede.stdout.tty"),
                Boolean.getBoolean("lede.stderr.tty"));
    }

    /** The default index folder: {@code index-data/index} under the home. */
    public Path defaultIndex() {
        return home.resolve("index-data").resolve("index");
    }

    /** The shipped sample: {@code index-data/articles} under the home. */
    public Path sampleArticles() {
        return home.resolve("index-data").resolve("articles");
    }
}
