package dev.lede.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every command on an index shares: the CLI environment, its streams and the index options. */
abstract class IndexTask {
    @ParentCommand
    LedeCommand lede;

    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions options;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The index folder the user chose, or the default one. */
    Path folder() {
        return options.folder(lede.env);
    }
}
