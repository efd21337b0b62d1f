package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.ArticleIndex;
import dev.lede.IndexConfig;
import dev.lede.IndexFeature;
import dev.lede.article.Article;
import dev.lede.ingest.IngestReport;
import dev.lede.query.Hit;
import dev.lede.query.ScoreExplanation;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.Snippet;
import dev.lede.query.Syntax;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede search QUERY}: ranked, highlighted results. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Search the index: ranked results with highlighted snippets.",
            "Lenient syntax by default: words, +required, \"phrases\", -excluded, title:/body:/source:/author:/topic:",
            "scopes; it never fails on odd input."
        })
final class SearchCommand extends IndexTask implements Callable<Integer> {

    @Mixin
    SearchControls controls;

    @Mixin
    FacetOptions facets;

    @Mixin
    SimilarOutput similar;

    @Parameters(
            arity = "0..*",
            paramLabel = "QUERY",
            description = "The query; several words are joined with spaces. May be left out when filters are given.")
    List<String> words = new ArrayList<>();

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "10",
            description = "Results per page (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--syntax",
            paramLabel = "SYNTAX",
            defaultValue = "lenient",
            description = "lenient (default), words, or lucene (Lucene's classic syntax, strict).")
    Syntax syntax;

    @Option(names = "--strict", description = "Short for --syntax lucene.")
    boolean strict;

    @Option(names = "--explain", description = "Show why each hit scored what it did.")
    boolean explain;

    @Option(
            names = "--synonyms",
            paramLabel = "FILE",
            description = "Expand the query with the synonyms in FILE (Solr format: NYC, New York City).")
    Path synonyms;

    @Override
    public Integer call() throws IOException {
        if (limit < 1 || limit > SearchRequest.MAX_WINDOW) {
            throw new LedeCommand.CliException(
                    "--limit must be 1 to " + SearchRequest.MAX_WINDOW + ", not " + limit, LedeCommand.USAGE);
        }
        for (String word : words) {
            if (word.startsWith("--") && word.length() > 2) {
                throw new LedeCommand.CliException(
                        "unknown option: '" + word + "' (put -- before query words that start with --)",
                        LedeCommand.USAGE);
            }
        }
        if (words.isEmpty() && !controls.hasFilters()) {
            throw new LedeCommand.CliException(
                    "give a query, or a filter such as --source or --since", LedeCommand.USAGE);
        }
        SearchRequest request = similar.apply(facets.apply(controls.apply(
                SearchRequest.of(String.join(" ", words))
                        .syntax(strict ? Syntax.LUCENE : syntax)
                        .size(limit),
                Clock.systemUTC())));
        Path folder = folder();
        if (options.isDefault() && !ArticleIndex.exists(folder)) {
            indexSample(folder);
        }
        SearchResults results;
        Map<String, ScoreExplanation> explanations = new HashMap<>();
        String notFolded = null;
        try (ArticleIndex index = openForReading(folder, synonyms)) {
            if (request.collapse().enabled() && !index.features().contains(IndexFeature.DUPLICATES)) {
                if (similar.asked()) {
                    throw FeatureOption.missing(
                            folder, index.features(), IndexFeature.DUPLICATES, "fold near-duplicates");
                }
                request = request.collapse(false); // folding is only the command line's default
                notFolded = FeatureOption.notFolded(folder, index.features());
            }
            results = index.search(request);
            if (explain) {
                for (Hit hit : results.hits()) {
                    index.explain(request, hit.id()).ifPresent(e -> explanations.put(hit.id(), e));
                }
            }
        } catch (IllegalArgumentException e) {
            if (e instanceof dev.lede.query.QuerySyntaxException) {
                throw e;
            }
            throw new LedeCommand.CliException(e.getMessage(), LedeCommand.USAGE); // a bad --after cursor
        }
        if (notFolded != null) { // said once the search has run, not before a failing one
            PrintWriter err = err();
            err.println("lede: " + notFolded);
            err.flush();
        }
        PrintWriter out = out();
        if (options.json) {
            out.println(Json.write(json(results, request, explanations)));
        } else {
            print(results, request, explanations, out);
        }
        return LedeCommand.OK;
    }

    /** First run: build the default index from the shipped sample, saying so on stderr. */
    private void indexSample(Path folder) throws IOException {
        Path sample = lede.env.sampleArticles();
        PrintWriter err = err();
        err.println("lede: no index at " + folder + " yet; indexing the sample in " + sample + " first (once).");
        err.flush();
        try (ArticleIndex index = ArticleIndex.open(folder)) {
            IngestReport report = index.ingest(sample);
            IndexCommand.printProblems(report.problems(), err);
            err.println("lede: " + IndexCommand.summary(report, index.count(), folder));
        }
    }

    static ArticleIndex openForReading(Path folder) throws IOException {
        return openForReading(folder, null);
    }

    /** Fails with what to do when there is no index in {@code folder}. */
    static void requireIndex(Path folder) throws IOException {
        if (!ArticleIndex.exists(folder)) {
            throw new LedeCommand.CliException(
                    "no index at " + folder + ": build one with 'lede index PATH --index " + folder + "'",
                    LedeCommand.FAILED);
        }
    }

    static ArticleIndex openForReading(Path folder, Path synonyms) throws IOException {
        requireIndex(folder);
        if (synonyms != null && !Files.isRegularFile(synonyms)) {
            throw new LedeCommand.CliException("no synonyms file at " + synonyms, LedeCommand.USAGE);
        }
        return ArticleIndex.openReadOnly(folder, IndexConfig.defaults().synonyms(synonyms));
    }

    private void print(
            SearchResults results, SearchRequest request, Map<String, ScoreExplanation> explanations, PrintWriter out) {
        String query =
                !request.query().isBlank() ? request.query() : controls.hasFilters() ? "the filters" : "an empty query";
        TerminalText text = new TerminalText(lede.env.stdoutIsTerminal());
        String count = results.totalIsExact()
                ? results.total() + (results.total() == 1 ? " result" : " results")
                : "at least " + results.total() + " results";
        out.printf(
                Locale.ROOT,
                "%s for %s (%d ms)%n",
                count,
                TerminalText.clean(query),
                results.took().toMillis());
        if (results.suggestion() != null) {
            out.println("Did you mean: " + TerminalText.clean(results.suggestion()) + "?");
        }
        if (results.timedOut()) {
            out.println("The search stopped at its time limit: these are the results found by then."
                    + " Give it longer with --timeout SECONDS, or narrow the query.");
        }
        int rank = (request.page() - 1) * request.size() + 1;
        for (Hit hit : results.hits()) {
            out.println();
            out.printf(Locale.ROOT, "%d. %s%n", rank++, text.render(hit.title()));
            out.println("   " + TerminalText.clean(byline(hit.article())));
            for (Snippet s : hit.snippets()) {
                out.println("   \u2026 " + text.render(s) + " \u2026");
            }
            similar.print(hit, out);
            if (explanations.containsKey(hit.id())) {
                explanations
                        .get(hit.id())
                        .toString()
                        .lines()
                        .forEach(l -> out.println("     " + TerminalText.clean(l)));
            }
        }
        FacetOptions.print(results, out);
        if (results.nextCursor() != null) {
            out.println();
            out.println("Next page: --after " + results.nextCursor());
        }
    }

    static String byline(Article a) {
        List<String> parts = new ArrayList<>();
        if (a.source() != null) {
            parts.add(a.source());
        }
        if (a.published() != null) {
            parts.add(a.published().toString());
        }
        parts.add(a.id());
        return String.join(" \u00B7 ", parts);
    }

    private static ObjectNode json(
            SearchResults results, SearchRequest request, Map<String, ScoreExplanation> explanations) {
        ObjectNode o = Json.object();
        o.put("total", results.total());
        o.put("totalIsExact", results.totalIsExact());
        o.put("tookMs", results.took().toMillis());
        if (results.timedOut()) {
            o.put("timedOut", true);
        }
        if (request.after() == null) {
            o.put("page", request.page());
        }
        if (results.nextCursor() != null) {
            o.put("nextCursor", results.nextCursor());
        }
        if (results.suggestion() != null) {
            o.put("suggestion", results.suggestion());
        }
        ArrayNode hits = o.putArray("hits");
        for (Hit hit : results.hits()) {
            Article a = hit.article();
            ObjectNode h = hits.addObject();
            h.put("id", hit.id());
            if (!Float.isNaN(hit.score())) {
                h.put("score", hit.score());
            }
            h.put("title", hit.title().html());
            putIfPresent(h, "url", a.url());
            putIfPresent(h, "source", a.source());
            if (!a.authors().isEmpty()) {
                a.authors().forEach(h.putArray("authors")::add);
            }
            if (a.published() != null) {
                h.put("published", a.published().toString());
            }
            ArrayNode snippets = h.putArray("snippets");
            hit.snippets().forEach(s -> snippets.add(s.html()));
            SimilarOutput.json(hit, h);
            if (explanations.containsKey(hit.id())) {
                h.set("explain", json(explanations.get(hit.id())));
            }
        }
        FacetOptions.json(results, o);
        return o;
    }

    private static ObjectNode json(ScoreExplanation e) {
        ObjectNode o = Json.object();
        o.put("value", e.value());
        o.put("description", e.description());
        if (!e.details().isEmpty()) {
            ArrayNode details = o.putArray("details");
            e.details().forEach(d -> details.add(json(d)));
        }
        return o;
    }

    private static void putIfPresent(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }
}
