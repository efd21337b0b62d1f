package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.eval.ExtractionEvaluation;
import dev.lede.eval.ExtractionReport;
import dev.lede.eval.ExtractionSummary;
import dev.lede.eval.PageScore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lede extract-score}: HTML extraction quality on a folder of pages with references. */
@Command(
        name = "extract-score",
        mixinStandardHelpOptions = true,
        description = {
            "Score the HTML article extractor on a test folder: html/<id>.html pages and truth.jsonl.",
            "Prints body precision, recall and F1 (4-token shingles, mean over pages) per source and subset,",
            "title, author and date accuracy over the pages that have them, and pages per second."
        })
final class ExtractScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder with html/ and truth.jsonl.")
    Path folder;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--worst", paramLabel = "N", defaultValue = "10", description = "List the N lowest-F1 pages.")
    int worst;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new LedeCommand.CliException("no such folder: " + folder, LedeCommand.USAGE);
        }
        ExtractionReport report;
        try {
            report = ExtractionEvaluation.run(folder);
        } catch (IllegalArgumentException e) {
            throw new LedeCommand.CliException(e.getMessage(), LedeCommand.FAILED);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(json(report)));
        } else {
            print(report, out);
        }
        return LedeCommand.OK;
    }

    private void print(ExtractionReport r, PrintWriter out) {
        out.println(
                "group                          pages  P      R      F1     F1>=.9 BoW-F1 title        author       date");
        row(out, "all", r.overall());
        for (Map.Entry<String, ExtractionSummary> e : r.bySource().entrySet()) {
            row(out, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, ExtractionSummary> e : r.bySubset().entrySet()) {
            row(out, "  " + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, ExtractionSummary> e : r.bySource().entrySet()) {
            ExtractionSummary s = e.getValue();
            if (s.snippetRecall() == s.snippetRecall()) {
                out.printf(
                        Locale.ROOT,
                        "%s: must_include found %.3f, must_exclude leaked %.3f; authors where none %d, dates where none %d%n",
                        TerminalText.clean(e.getKey()),
                        s.snippetRecall(),
                        s.leakage(),
                        s.authorFalsePositives(),
                        s.dateFalsePositives());
            }
        }
        out.printf(
                Locale.ROOT, "%d pages, %.1f pages/s (one thread)%n", r.pages().size(), r.pagesPerSecond());
        if (worst > 0) {
            out.println("lowest body F1:");
            for (PageScore p : r.worst(worst)) {
                out.printf(
                        Locale.ROOT,
                        "  %-28s P %.3f R %.3f F1 %.3f%n",
                        TerminalText.clean(p.id()),
                        p.body().precision(),
                        p.body().recall(),
                        p.body().f1());
            }
        }
    }

    private static void row(PrintWriter out, String name, ExtractionSummary s) {
        out.printf(
                Locale.ROOT,
                "%-30s %5d  %.3f  %.3f  %.3f  %.3f  %.3f  %s  %s  %s%n",
                TerminalText.clean(name),
                s.pages(),
                s.precision(),
                s.recall(),
                s.f1(),
                s.shareF1AtLeast90(),
                s.bagOfWordsF1(),
                share(s.titleAccuracy(), s.titlePages()),
                share(s.authorAccuracy(), s.authorPages()),
                share(s.dateAccuracy(), s.datePages()));
    }

    private static String share(double accuracy, int pages) {
        return pages == 0
                ? String.format(Locale.ROOT, "%-11s", "-")
                : String.format(Locale.ROOT, "%5.1f%% /%3d", 100 * accuracy, pages);
    }

    private ObjectNode json(ExtractionReport r) {
        ObjectNode o = Json.object();
        o.put("pages", r.pages().size());
        o.put("pagesPerSecond", r.pagesPerSecond());
        o.set("overall", summary(r.overall()));
        ObjectNode sources = o.putObject("bySource");
        r.bySource().forEach((k, v) -> sources.set(k, summary(v)));
        ObjectNode subsets = o.putObject("bySubset");
        r.bySubset().forEach((k, v) -> subsets.set(k, summary(v)));
        ArrayNode pages = o.putArray("perPage");
        for (PageScore p : r.pages()) {
            ObjectNode n = pages.addObject();
            n.put("id", p.id());
            n.put("subset", p.subset());
            n.put("precision", p.body().precision());
            n.put("recall", p.body().recall());
            n.put("f1", p.body().f1());
            putMatch(n, "title", p.title());
            putMatch(n, "author", p.authors());
            putMatch(n, "date", p.date());
        }
        return o;
    }

    private static void putMatch(ObjectNode n, String name, Boolean match) {
        if (match == null) {
            n.putNull(name);
        } else {
            n.put(name, match);
        }
    }

    private static ObjectNode summary(ExtractionSummary s) {
        ObjectNode o = Json.object();
        o.put("pages", s.pages());
        o.put("precision", s.precision());
        o.put("recall", s.recall());
        o.put("f1", s.f1());
        o.put("shareF1AtLeast0.9", s.shareF1AtLeast90());
        o.put("bagOfWordsF1", s.bagOfWordsF1());
        o.put("titleAccuracy", s.titleAccuracy());
        o.put("titlePages", s.titlePages());
        o.put("authorAccuracy", s.authorAccuracy());
        o.put("authorPages", s.authorPages());
        o.put("authorFalsePositives", s.authorFalsePositives());
        o.put("dateAccuracy", s.dateAccuracy());
        o.put("datePages", s.datePages());
        o.put("dateFalsePositives", s.dateFalsePositives());
        o.put("snippetRecall", s.snippetRecall());
        o.put("leakage", s.leakage());
        return o;
    }
}
