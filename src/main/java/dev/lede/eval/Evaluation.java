package dev.lede.eval;

import dev.lede.ArticleIndex;
import dev.lede.query.Highlight;
import dev.lede.query.Hit;
import dev.lede.query.QuerySyntaxException;
import dev.lede.query.SearchRequest;
import dev.lede.query.Syntax;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Measures how well an index ranks: runs judged queries through the normal search path and scores
 * the rankings against the judgments, as trec_eval would score the same run.
 *
 * <pre>{@code
 * EvalReport report = Evaluation.run(index, Queries.read(queriesTsv), Judgments.read(qrels), Syntax.WORDS);
 * System.out.printf(Locale.ROOT, "nDCG@10 %.4f over %d queries%n", report.ndcg10(), report.queries());
 * report.writeRun(Path.of("lede.run"));   // for trec_eval qrels lede.run
 * }</pre>
 */
public final class Evaluation {
    /** Documents retrieved per query: the usual depth of TREC runs and of MAP. */
    public static final int DEPTH = EvalReport.RUN_DEPTH;

    private Evaluation() {}

    /**
     * Runs every query on {@code index}, the top {@value #DEPTH} by the default relevance ranking
     * with no filters and no snippets, and evaluates the rankings against {@code judgments} with
     * {@link #evaluate(List, Judgments)}. Queries run concurrently, one thread per core, on the
     * articles searchable as of the index's last refresh; the report keeps the queries' order.
     *
     * @param index the index to search
     * @param queries the queries to run
     * @param judgments their relevance judgments; document ids are article ids
     * @param syntax how query text is read; {@link Syntax#WORDS} suits natural-language queries
     * @return the report
     * @throws QuerySyntaxException with {@link Syntax#LUCENE}, for the first malformed query in
     *     query order (its problem names the query id)
     * @throws IOException if the index cannot be read
     */
    public static EvalReport run(ArticleIndex index, Queries queries, Judgments judgments, Syntax syntax)
            throws IOException {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(judgments, "judgments");
        Objects.requireNonNull(syntax, "syntax");
        return evaluate(runAll(index, queries, syntax), judgments);
    }

    /**
     * Evaluates rankings made by any system (Lede or a baseline) against judgments: each query's
     * measures by {@link Metrics#measure}, and their means over the queries that have at least one
     * relevant document. The others are counted as skipped, and queries judged but not run are
     * ignored.
     *
     * @param runs one ranking per query, distinct query ids
     * @param judgments the relevance judgments
     * @return the report, rows and runs in the order of {@code runs}
     * @throws IllegalArgumentException if a query id appears twice
     */
    public static EvalReport evaluate(List<QueryRun> runs, Judgments judgments) {
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(judgments, "judgments");
        List<QueryMetrics> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (QueryRun run : runs) {
            if (!seen.add(run.queryId())) {
                throw new IllegalArgumentException("query '" + run.queryId() + "' was run twice");
            }
            if (judgments.relevant(run.queryId()) > 0) {
                rows.add(Metrics.measure(run.queryId(), run.ranking(), judgments.grades(run.queryId())));
            }
        }
        return new EvalReport(
                mean(rows, QueryMetrics::ndcg10),
                mean(rows, QueryMetrics::map100),
                mean(rows, QueryMetrics::recall100),
                mean(rows, QueryMetrics::mrr10),
                mean(rows, QueryMetrics::p10),
                rows.size(),
                runs.size() - rows.size(),
                rows,
                runs);
    }

    /**
     * Every query's run, in query order. Concurrent because each search of {@value #DEPTH} hits
     * is dominated by loading and highlighting titles, which uses one core per query.
     */
    private static List<QueryRun> runAll(ArticleIndex index, Queries queries, Syntax syntax) throws IOException {
        int threads = Math.max(1, Math.min(queries.size(), Runtime.getRuntime().availableProcessors()));
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lede-eval-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<QueryRun>> futures = new ArrayList<>(queries.size());
            for (Query query : queries.list()) {
                futures.add(pool.submit(() -> new QueryRun(query.id(), search(index, query, syntax))));
            }
            List<QueryRun> runs = new ArrayList<>(futures.size());
            for (Future<QueryRun> future : futures) {
                runs.add(result(future));
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The future's value, or what its search threw. */
    private static QueryRun result(Future<QueryRun> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while evaluating");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException re -> throw re;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static List<ScoredDoc> search(ArticleIndex index, Query query, Syntax syntax) throws IOException {
        SearchRequest request =
                SearchRequest.of(query.text()).syntax(syntax).size(DEPTH).highlight(Highlight.none());
        try {
            return index.search(request).hits().stream().map(Evaluation::scored).toList();
        } catch (QuerySyntaxException e) {
            QuerySyntaxException named =
                    new QuerySyntaxException(e.query(), e.position(), e.problem() + " (query " + query.id() + ")");
            named.initCause(e);
            throw named;
        }
    }

    /**
     * The hit's float score as the double of its shortest decimal form: the order of scores and
     * their ties are unchanged, and the run file can write the score exactly in a few digits.
     */
    private static ScoredDoc scored(Hit hit) {
        return new ScoredDoc(hit.id(), Double.parseDouble(Float.toString(hit.score())));
    }

    /** A plain sum divided by the count, as trec_eval averages (no compensated summation). */
    private static double mean(List<QueryMetrics> rows, ToDoubleFunction<QueryMetrics> measure) {
        double sum = 0;
        for (QueryMetrics row : rows) {
            sum += measure.applyAsDouble(row);
        }
        return rows.isEmpty() ? 0 : sum / rows.size();
    }
}
