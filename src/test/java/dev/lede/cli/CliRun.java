package dev.lede.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * One run of the command line in this JVM, as the CLI tests make it: no terminal, no colour, the
 * given folder as the Lede home.
 *
 * @param code the exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
record CliRun(int code, String out, String err) {
    static CliRun of(Path home, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = LedeCommand.execute(
                args, new PrintWriter(o), new PrintWriter(e), new CliEnvironment(home, false, false));
        return new CliRun(code, o.toString(), e.toString());
    }
}
