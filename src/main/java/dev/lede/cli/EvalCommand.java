package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.ArticleIndex;
import dev.lede.IndexConfig;
import dev.lede.eval.EvalReport;
import dev.lede.eval.Evaluation;
import dev.lede.eval.Judgments;
import dev.lede.eval.Queries;
import dev.lede.eval.QueryMetrics;
import dev.lede.ingest.IngestReport;
import dev.lede.query.Syntax;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lede eval}: ranking quality on judged queries (nDCG@10, MAP@100, R@100, MRR@10, P@10). */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Measure ranking quality on judged queries.",
            "Ingests the corpus into a temporary index (or uses --index), runs every query through the normal search,",
            "and prints nDCG@10, MAP@100, Recall@100, MRR@10 and P@10."
        })
final class EvalCommand extends IndexTask implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "FILE", description = "Articles as JSON Lines (id, title, body, ...).")
    Path corpus;

    @Option(names = "--queries", paramLabel = "FILE", required = true, description = "Queries: qid<TAB>text per line.")
    Path queries;

    @Option(
            names = "--qrels",
            paramLabel = "FILE",
            required = true,
            description = "Judgments: qid<TAB>docid<TAB>grade, or TREC's qid 0 docid grade.")
    Path qrels;

    @Option(names = "--run", paramLabel = "FILE", description = "Also write a TREC run file (top 1000 per query).")
    Path run;

    @Option(
            names = "--syntax",
            paramLabel = "SYNTAX",
            defaultValue = "words",
            description = "How queries are read: words (default, for natural-language queries), lenient or lucene.")
    Syntax syntax;

    @Override
    public Integer call() throws IOException {
        for (Path p : new Path[] {queries, qrels}) {
            requireFile(p);
        }
        if (corpus != null && options.index != null) {
            throw new LedeCommand.CliException("give --corpus FILE or --index DIR, not both", LedeCommand.USAGE);
        }
        if (corpus == null && options.index == null) {
            throw new LedeCommand.CliException(
                    "give --corpus FILE to evaluate, or --index DIR of an index built from it", LedeCommand.USAGE);
        }
        Queries q;
        Judgments j;
        try {
            q = Queries.read(queries);
            j = Judgments.read(qrels);
        } catch (IllegalArgumentException e) {
            throw new LedeCommand.CliException(e.getMessage(), LedeCommand.USAGE);
        }
        EvalReport report;
        if (corpus != null) {
            requireFile(corpus);
            report = evaluateCorpus(q, j);
        } else {
            try (ArticleIndex index = SearchCommand.openForReading(folder())) {
                report = Evaluation.run(index, q, j, syntax);
            }
        }
        if (run != null) {
            report.writeRun(run);
        }
        if (options.json) {
            out().println(Json.write(json(report)));
        } else {
            print(report, out());
        }
        return LedeCommand.OK;
    }

    private EvalReport evaluateCorpus(Queries q, Judgments j) throws IOException {
        Path temp = Files.createTempDirectory("lede-eval-");
        try (ArticleIndex index = ArticleIndex.open(temp, IndexConfig.defaults().refreshInterval(Duration.ZERO))) {
            IngestReport ingest = index.ingest(corpus);
            IndexCommand.printProblems(ingest.problems(), err());
            return Evaluation.run(index, q, j, syntax);
        } finally {
            deleteTree(temp);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void requireFile(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new LedeCommand.CliException("no such file: " + p, LedeCommand.USAGE);
        }
    }

    private static void print(EvalReport r, PrintWriter out) {
        out.println("qid        nDCG@10  MAP@100  R@100   MRR@10  P@10");
        for (QueryMetrics m : r.perQuery()) {
            out.printf(
                    Locale.ROOT,
                    "%-10s %7.4f  %7.4f  %6.4f  %6.4f  %6.4f%n",
                    TerminalText.clean(m.queryId()),
                    m.ndcg10(),
                    m.map100(),
                    m.recall100(),
                    m.mrr10(),
                    m.p10());
        }
        out.printf(
                Locale.ROOT,
                "%-10s %7.4f  %7.4f  %6.4f  %6.4f  %6.4f%n",
                "all",
                r.ndcg10(),
                r.map100(),
                r.recall100(),
                r.mrr10(),
                r.p10());
        out.printf(
                Locale.ROOT,
                "%d queries evaluated, %d without relevant documents left out%n",
                r.queries(),
                r.queriesSkipped());
    }

    private static ObjectNode json(EvalReport r) {
        ObjectNode o = Json.object();
        o.put("ndcg@10", r.ndcg10());
        o.put("map@100", r.map100());
        o.put("recall@100", r.recall100());
        o.put("mrr@10", r.mrr10());
        o.put("p@10", r.p10());
        o.put("queries", r.queries());
        o.put("queriesSkipped", r.queriesSkipped());
        ArrayNode per = o.putArray("perQuery");
        for (QueryMetrics m : r.perQuery()) {
            ObjectNode q = per.addObject();
            q.put("qid", m.queryId());
            q.put("ndcg@10", m.ndcg10());
            q.put("map@100", m.map100());
            q.put("recall@100", m.recall100());
            q.put("mrr@10", m.mrr10());
            q.put("p@10", m.p10());
        }
        return o;
    }
}
