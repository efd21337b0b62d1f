package dev.lede.cli;

import dev.lede.query.QuerySyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lede}: index a folder of articles and search it from a terminal. Built on the public API
 * only. Exit codes: 0 success (zero hits included), 1 failure, 2 bad usage or a strict-syntax
 * error; errors are one line, never a stack trace (set {@code LEDE_DEBUG=1} to see one).
 */
@Command(
        name = "lede",
        mixinStandardHelpOptions = true,
        versionProvider = LedeCommand.Version.class,
        description = "Full-text search over news articles, on Apache Lucene.",
        subcommands = {
            IndexCommand.class,
            SearchCommand.class,
            GetCommand.class,
            SuggestCommand.class,
            RelatedCommand.class,
            DeleteCommand.class,
            StatsCommand.class,
            ReindexCommand.class,
            EvalCommand.class,
            ExtractCommand.class,
            ExtractScoreCommand.class,
            CommandLine.HelpCommand.class
        })
public final class LedeCommand {
    // Lucene logs through java.util.logging that it would run vector code faster with an incubator
    // module; a CLI user cannot act on that. Held here so the setting is not garbage-collected.
    private static final Logger VECTOR_LOG = Logger.getLogger("org.apache.lucene.internal.vectorization");

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    final CliEnvironment env;

    LedeCommand(CliEnvironment env) {
        this.env = env;
    }

    public static void main(String[] args) {
        VECTOR_LOG.setLevel(Level.SEVERE);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(new PrintStream(System.err, true, StandardCharsets.UTF_8), true);
        System.exit(execute(args, out, err, CliEnvironment.fromSystem()));
    }

    /** Runs the CLI with the given streams and environment and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, CliEnvironment env) {
        CommandLine cli = new CommandLine(new LedeCommand(env))
                .setOut(out)
                .setErr(err)
                .setExpandAtFiles(false)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(LedeCommand::usageError)
                .setExecutionExceptionHandler(LedeCommand::failure);
        // "-Chicago" is an exclusion in a query, not an option; other commands keep strict options.
        cli.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("lede: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        return USAGE;
    }

    private static int failure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof QuerySyntaxException q) {
            err.println("lede: " + q.getMessage());
            err.println("  " + TerminalText.clean(q.query()));
            err.println("  " + " ".repeat(q.position()) + "^ (drop --strict to search these words as they are)");
            return USAGE;
        }
        if (cause instanceof CliException c) {
            err.println("lede: " + c.getMessage());
            return c.exitCode();
        }
        if (cause instanceof FileSystemException f) {
            err.println("lede: " + f.getFile() + ": " + (f.getReason() != null ? f.getReason() : reason(f)));
        } else if (cause instanceof IOException) {
            err.println("lede: " + cause.getMessage());
        } else {
            err.println("lede: unexpected error: " + cause + " (set LEDE_DEBUG=1 to see where; please report it)");
        }
        if (System.getenv("LEDE_DEBUG") != null) {
            cause.printStackTrace(err);
        }
        return FAILED;
    }

    private static String reason(FileSystemException f) {
        if (f instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (f instanceof java.nio.file.FileAlreadyExistsException) {
            return "already exists (a file is in the way of a folder?)";
        }
        if (f instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof java.nio.file.NotDirectoryException) {
            return "not a folder";
        }
        return "cannot be used (" + f.getClass().getSimpleName() + ")";
    }

    /** A failure the user can act on, with its message and exit code. */
    static final class CliException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        CliException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = LedeCommand.class.getResourceAsStream("/dev/lede/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"lede " + p.getProperty("version", "unknown"), "Java " + Runtime.version()};
        }
    }
}
