package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.query.Facet;
import dev.lede.query.FacetDimension;
import dev.lede.query.FacetRequest;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The search command's {@code --facets}: which counts to ask for, and how they are printed. */
final class FacetOptions {
    @Option(
            names = "--facets",
            paramLabel = "NAMES",
            split = ",",
            description = "Count the matches by source, author, topic, year, month or day (comma-separate)."
                    + " A dimension's counts ignore its own filter (--source, or --since/--until for dates).")
    List<String> names = new ArrayList<>();

    @Option(
            names = "--facet-size",
            paramLabel = "N",
            defaultValue = "10",
            description = "Values shown per facet (default: ${DEFAULT-VALUE}).")
    int size;

    /** The request with the facets asked for, if any. */
    SearchRequest apply(SearchRequest request) {
        if (names.isEmpty()) {
            return request;
        }
        try {
            List<FacetDimension> dimensions =
                    names.stream().map(FacetDimension::of).toList();
            return request.facets(new FacetRequest(dimensions, size));
        } catch (IllegalArgumentException e) {
            throw new LedeCommand.CliException(e.getMessage().replace("facet size", "--facet-size"), LedeCommand.USAGE);
        }
    }

    /** One line per facet: {@code source: Wikinews 12 · Reuters 3 (+4 more)}. */
    static void print(SearchResults results, PrintWriter out) {
        if (results.facets().isEmpty()) {
            return;
        }
        out.println();
        for (Facet f : results.facets()) {
            String values = f.counts().stream()
                    .map(c -> TerminalText.clean(c.value()) + " " + c.count())
                    .collect(Collectors.joining(" \u00B7 "));
            int more = f.valueCount() - f.counts().size();
            out.printf(
                    Locale.ROOT,
                    "%s: %s%s%n",
                    f.dimension().label(),
                    values.isEmpty() ? "(none)" : values,
                    more > 0 ? " (+" + more + " more)" : "");
        }
    }

    /** {@code "facets": {"source": {"valueCount": 3, "counts": [{"value": "Reuters", "count": 3}]}}}. */
    static void json(SearchResults results, ObjectNode o) {
        if (results.facets().isEmpty()) {
            return;
        }
        ObjectNode facets = o.putObject("facets");
        for (Facet f : results.facets()) {
            ObjectNode d = facets.putObject(f.dimension().label());
            d.put("valueCount", f.valueCount());
            ArrayNode counts = d.putArray("counts");
            for (Facet.Count c : f.counts()) {
                counts.addObject().put("value", c.value()).put("count", c.count());
            }
        }
    }
}
