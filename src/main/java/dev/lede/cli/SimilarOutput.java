package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.query.Collapse;
import dev.lede.query.Duplicate;
import dev.lede.query.Hit;
import dev.lede.query.SearchRequest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The search command's near-duplicate options, and how a hit's folded copies are printed. */
final class SimilarOutput {
    /** Copies named on the "+N similar" line before it says how many more. */
    static final int NAMED = 3;

    @Option(
            names = "--no-collapse",
            description = "Show every copy of a story as its own hit (by default near-duplicates are folded into"
                    + " the best-ranked copy: \"+2 similar: ...\").")
    boolean noCollapse;

    @Option(names = "--similar", description = "List every folded copy of each hit, with its url.")
    boolean list;

    @Option(
            names = "--collapse-at",
            paramLabel = "SIMILARITY",
            description = "How alike two bodies must be to fold (estimated Jaccard of word 5-shingles, above 0 to 1;"
                    + " default: " + Collapse.DEFAULT_THRESHOLD + ").")
    Double threshold; // null: not given

    /** Whether an option asks for folded copies (folding itself is on by default). */
    boolean asked() {
        return threshold != null || list;
    }

    /** The request with collapsing as the options say: on by default on the command line. */
    SearchRequest apply(SearchRequest request) {
        if (noCollapse) {
            return request.collapse(false);
        }
        if (threshold == null) {
            return request.collapse(Collapse.on());
        }
        try {
            return request.collapse(Collapse.atSimilarity(threshold));
        } catch (IllegalArgumentException e) {
            throw new LedeCommand.CliException(
                    "--collapse-at must be above 0 and at most 1, not " + threshold, LedeCommand.USAGE);
        }
    }

    /** The "+N similar" line (and with --similar one line per copy), or nothing. */
    void print(Hit hit, PrintWriter out) {
        List<Duplicate> copies = hit.duplicates();
        if (copies.isEmpty()) {
            return;
        }
        if (list) {
            out.printf(Locale.ROOT, "   +%d similar:%n", copies.size());
            for (Duplicate d : copies) {
                out.println("     "
                        + TerminalText.clean(describe(d)
                                + String.format(Locale.ROOT, " %.2f", d.similarity())
                                + (d.url() == null ? "" : " " + d.url())));
            }
            return;
        }
        List<String> named = new ArrayList<>();
        copies.stream().limit(NAMED).forEach(d -> named.add(describe(d)));
        String more = copies.size() > NAMED ? ", \u2026 (--similar lists them)" : "";
        out.println(TerminalText.clean("   +" + copies.size() + " similar: " + String.join(", ", named) + more));
    }

    private static String describe(Duplicate d) {
        return d.source() == null ? d.id() : d.id() + " (" + d.source() + ")";
    }

    /** The hit's copies as a JSON array {@code similar}, when it has any. */
    static void json(Hit hit, ObjectNode h) {
        if (hit.duplicates().isEmpty()) {
            return;
        }
        ArrayNode similar = h.putArray("similar");
        for (Duplicate d : hit.duplicates()) {
            ObjectNode o = similar.addObject();
            o.put("id", d.id());
            if (d.source() != null) {
                o.put("source", d.source());
            }
            if (d.url() != null) {
                o.put("url", d.url());
            }
            o.put("similarity", d.similarity());
        }
    }
}
