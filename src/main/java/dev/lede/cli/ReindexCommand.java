package dev.lede.cli;

import dev.lede.ArticleIndex;
import dev.lede.ingest.IngestReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lede reindex}: rebuild the index from its own stored articles. */
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuild the index from the articles it stores, with this version's schema.",
            "For after an upgrade that changed it. The old index stays until the new one is complete."
        })
final class ReindexCommand extends IndexTask implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        Path folder = folder();
        SearchCommand.requireIndex(folder);
        IngestReport report = ArticleIndex.rebuild(folder);
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "Rebuilt %s: %d articles in %.1f s.%n",
                        folder,
                        report.articles(),
                        report.took().toMillis() / 1000.0);
        return LedeCommand.OK;
    }
}
