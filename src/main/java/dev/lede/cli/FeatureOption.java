package dev.lede.cli;

import dev.lede.IndexFeature;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/** The {@code --features} option of {@code index} and {@code reindex}, and the message for a missing feature. */
final class FeatureOption {
    static final String DESCRIPTION = "The index's optional parts, comma-separated: spelling (\"did you mean\"),"
            + " title-suggestions (lede suggest), duplicates (folding near-duplicate copies); or all, or none"
            + " (an ingest about twice as fast, an index about half the size).";

    private FeatureOption() {}

    /** The features the option's value names; a usage error for a bad list. */
    static Set<IndexFeature> parse(String value) {
        try {
            return IndexFeature.parse(value);
        } catch (IllegalArgumentException e) {
            throw new LedeCommand.CliException("--features: " + e.getMessage(), LedeCommand.USAGE);
        }
    }

    /** The usage error for a command that needs {@code feature} on an index built without it. */
    static LedeCommand.CliException missing(
            Path folder, Set<IndexFeature> features, IndexFeature feature, String task) {
        return new LedeCommand.CliException(
                "the index at " + folder + " was built without " + feature.label() + " (its features: "
                        + IndexFeature.labels(features) + "), so it cannot " + task + ". Add it with '"
                        + reindex(folder, union(features, feature)) + "'.",
                LedeCommand.USAGE);
    }

    /**
     * The note for a search whose copies are not folded, by default, because the index in {@code
     * folder} has no fingerprints: what happened, how to add them, how not to see the note.
     */
    static String notFolded(Path folder, Set<IndexFeature> features) {
        return "near-duplicates are not folded: the index at " + folder + " was built without "
                + IndexFeature.DUPLICATES.label() + " (its features: " + IndexFeature.labels(features)
                + "). Add it with '" + reindex(folder, union(features, IndexFeature.DUPLICATES))
                + "', or search with --no-collapse not to see this note.";
    }

    /** The command that rebuilds the index in {@code folder} with {@code features}. */
    static String reindex(Path folder, Set<IndexFeature> features) {
        return "lede reindex --index " + folder + " --features " + IndexFeature.labels(features);
    }

    private static Set<IndexFeature> union(Set<IndexFeature> features, IndexFeature feature) {
        Set<IndexFeature> all = EnumSet.of(feature);
        all.addAll(features);
        return all;
    }
}
