package dev.lede.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that touches an index shares. */
final class IndexOptions {
    @Option(
            names = "--index",
            paramLabel = "DIR",
            description = "Index folder (default: index-data/index in the Lede folder).")
    Path index;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    /** The folder to use: the one given (relative to the current folder), else the default. */
    Path folder(CliEnvironment env) {
        return index != null ? index : env.defaultIndex();
    }

    boolean isDefault() {
        return index == null;
    }
}
