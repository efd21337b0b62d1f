package dev.lede.cli;

import dev.lede.ArticleIndex;
import dev.lede.IndexFeature;
import dev.lede.ingest.IngestReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lede reindex}: rebuild the index from its own stored articles. */
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuild the index from the articles it stores, with this version's schema.",
            "For after an upgrade that changed it. The old index stays until the new one is complete."
        })
final class ReindexCommand extends IndexTask implements Callable<Integer> {

    @Option(
            names = "--features",
            paramLabel = "LIST",
            description = FeatureOption.DESCRIPTION + " By default the ones the index has.")
    String features;

    @Override
    public Integer call() throws IOException {
        Set<IndexFeature> wanted = features == null ? null : FeatureOption.parse(features);
        Path folder = folder();
        SearchCommand.requireIndex(folder);
        IngestReport report = wanted == null ? ArticleIndex.rebuild(folder) : ArticleIndex.rebuild(folder, wanted);
        Set<IndexFeature> built;
        try (ArticleIndex index = ArticleIndex.openReadOnly(folder)) {
            built = index.features();
        }
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "Rebuilt %s: %d articles in %.1f s; features: %s.%n",
                        folder,
                        report.articles(),
                        report.took().toMillis() / 1000.0,
                        IndexFeature.labels(built).replace(",", ", "));
        return LedeCommand.OK;
    }
}
