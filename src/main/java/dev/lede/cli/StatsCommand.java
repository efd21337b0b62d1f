package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.ArticleIndex;
import dev.lede.IndexFeature;
import dev.lede.IndexStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lede stats}: what the index holds. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Show how many articles the index holds, its size and format.")
final class StatsCommand extends IndexTask implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        Path folder = folder();
        IndexStats stats;
        try (ArticleIndex index = SearchCommand.openForReading(folder)) {
            stats = index.stats();
        }
        PrintWriter out = out();
        if (options.json) {
            ObjectNode o = Json.object();
            o.put("articles", stats.articles());
            o.put("segments", stats.segments());
            o.put("sizeBytes", stats.sizeBytes());
            o.put("schemaVersion", stats.schemaVersion());
            ArrayNode features = o.putArray("features");
            stats.features().forEach(f -> features.add(f.label())); // in declaration order
            o.put("location", stats.location());
            out.println(Json.write(o));
        } else {
            out.printf(Locale.ROOT, "Index:          %s%n", stats.location());
            out.printf(Locale.ROOT, "Articles:       %d%n", stats.articles());
            out.printf(Locale.ROOT, "Segments:       %d%n", stats.segments());
            out.printf(Locale.ROOT, "Size:           %s%n", size(stats.sizeBytes()));
            out.printf(Locale.ROOT, "Schema version: %d%n", stats.schemaVersion());
            out.printf(
                    Locale.ROOT,
                    "Features:       %s%n",
                    IndexFeature.labels(stats.features()).replace(",", ", "));
        }
        return LedeCommand.OK;
    }

    static String size(long bytes) {
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
