package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.ArticleIndex;
import dev.lede.IndexConfig;
import dev.lede.IndexFeature;
import dev.lede.ingest.IngestOptions;
import dev.lede.ingest.IngestProblem;
import dev.lede.ingest.IngestReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede index PATH...}: ingest files and folders into the index. */
@Command(
        name = "index",
        mixinStandardHelpOptions = true,
        description = {
            "Index articles from files and folders (.txt, .md, .json, .jsonl).",
            "Articles replace those with the same id; those identical to their indexed version are skipped."
        })
final class IndexCommand extends IndexTask implements Callable<Integer> {
    /** Problems listed on stderr before the rest are only counted. */
    private static final int MAX_PROBLEMS_SHOWN = 20;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to index.")
    List<Path> paths;

    @Option(
            names = "--features",
            paramLabel = "LIST",
            description = FeatureOption.DESCRIPTION + " For a new index; all by default. An index keeps its own:"
                    + " change them with 'lede reindex --features'.")
    String features;

    @Override
    public Integer call() throws IOException {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new LedeCommand.CliException("no such file or folder: " + p, LedeCommand.USAGE);
            }
        }
        Set<IndexFeature> wanted = features == null ? null : FeatureOption.parse(features);
        Path folder = folder();
        PrintWriter err = err();
        ProgressLine progress = new ProgressLine(err, lede.env.stderrIsTerminal());
        IngestReport total = null;
        long articles;
        IndexConfig config = IndexConfig.defaults();
        try (ArticleIndex index = ArticleIndex.open(folder, wanted == null ? config : config.features(wanted))) {
            if (wanted != null && !index.features().equals(wanted)) {
                throw new LedeCommand.CliException(
                        folder + " holds an index built with the features " + IndexFeature.labels(index.features())
                                + "; --features applies to a new index. Change them with '"
                                + FeatureOption.reindex(folder, wanted) + "'.",
                        LedeCommand.USAGE);
            }
            for (Path p : paths) {
                IngestReport report = index.ingest(p, IngestOptions.defaults().onProgress(progress::show));
                total = total == null ? report : total.plus(report);
            }
            articles = index.count();
        } finally {
            progress.clear();
        }
        PrintWriter out = out();
        if (options.json) {
            out.println(Json.write(json(total, articles)));
        } else {
            printProblems(total.problems(), err());
            out.println(summary(total, articles, folder));
        }
        return LedeCommand.OK;
    }

    static String summary(IngestReport r, long articles, Path folder) {
        return String.format(
                Locale.ROOT,
                "Indexed %s from %s%s in %s (%d added, %d updated, %d unchanged, %s%d skipped, %d failed%s)."
                        + " %s holds %s.",
                plural(r.articles(), "article"),
                plural(r.files() + r.unchangedFiles(), "file"),
                r.unchangedFiles() > 0 ? " (" + r.unchangedFiles() + " unchanged, not read again)" : "",
                seconds(r.took()),
                r.added(),
                r.updated(),
                r.unchanged(),
                r.deleted() > 0 ? r.deleted() + " deleted, " : "",
                r.skipped(),
                r.failed(),
                r.ignoredFiles() > 0 ? ", " + plural(r.ignoredFiles(), "file") + " of other formats passed over" : "",
                folder,
                plural(articles, "article"));
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static void printProblems(List<IngestProblem> problems, PrintWriter err) {
        problems.stream()
                .limit(MAX_PROBLEMS_SHOWN)
                .forEach(p -> err.println("lede: " + TerminalText.clean(p.toString())));
        if (problems.size() > MAX_PROBLEMS_SHOWN) {
            err.println("lede: ... and " + (problems.size() - MAX_PROBLEMS_SHOWN)
                    + " more problems (--json lists them all)");
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static ObjectNode json(IngestReport r, long articles) {
        ObjectNode o = Json.object();
        o.put("files", r.files());
        o.put("unchangedFiles", r.unchangedFiles());
        o.put("added", r.added());
        o.put("updated", r.updated());
        o.put("unchanged", r.unchanged());
        o.put("deleted", r.deleted());
        o.put("skipped", r.skipped());
        o.put("failed", r.failed());
        o.put("ignoredFiles", r.ignoredFiles());
        o.put("tookMs", r.took().toMillis());
        o.put("articles", articles);
        ArrayNode problems = o.putArray("problems");
        for (IngestProblem p : r.problems()) {
            ObjectNode j = problems.addObject();
            j.put("file", p.file());
            if (p.line() > 0) {
                j.put("line", p.line());
            }
            j.put("outcome", p.outcome().name().toLowerCase(Locale.ROOT));
            j.put("reason", p.reason());
        }
        return o;
    }
}
