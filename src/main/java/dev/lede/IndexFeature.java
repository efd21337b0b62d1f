package dev.lede;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The optional parts of an index. Each adds fields that every ingested article pays for in time
 * and disk: with none, an ingest takes about half as long and the index is about half the size
 * (docs/bench). Search, snippets, filters, facets, sorting and related articles work on every
 * index. An index is built with a set of them ({@link IndexConfig#features(Set)}, all by default)
 * and keeps it: to change it, rebuild the index ({@link ArticleIndex#rebuild(java.nio.file.Path,
 * Set)}).
 */
public enum IndexFeature {
    /**
     * "Did you mean": the unstemmed words of every title and body (but those with a digit, which
     * are never respelt), from which {@link
     * dev.lede.query.SearchResults#didYouMean()} respells a query. Without it, no search has a
     * respelling.
     */
    SPELLING,
    /**
     * Title autocomplete ({@link ArticleIndex#suggest(String, int)}): the words of every title and
     * their beginnings. Without it, {@code suggest} throws {@link IllegalStateException}.
     */
    TITLE_SUGGESTIONS,
    /**
     * Near-duplicate fingerprints of every body: folding copies of a story into one hit ({@link
     * dev.lede.query.SearchRequest#collapse(boolean)}), and leaving copies out of related
     * articles. Without it, a search that asks to collapse throws {@link IllegalStateException},
     * and related articles may list copies of the story.
     */
    DUPLICATES;

    /** Every feature: what an index is built with unless told otherwise. */
    public static Set<IndexFeature> all() {
        return Collections.unmodifiableSet(EnumSet.allOf(IndexFeature.class));
    }

    /** The name used on the command line and in the index's commit: {@code title-suggestions}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The feature called {@code label} (see {@link #label()}), ignoring case. */
    public static IndexFeature ofLabel(String label) {
        for (IndexFeature f : values()) {
            if (f.label().equalsIgnoreCase(label.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "no index feature '" + label + "'; the features are " + labels(EnumSet.allOf(IndexFeature.class)));
    }

    /**
     * The features a list names: labels separated by commas ({@code spelling,duplicates}), or
     * {@code all}, or {@code none}; case and spaces around labels are ignored.
     *
     * @throws IllegalArgumentException for an empty list or an unknown label, naming it
     */
    public static Set<IndexFeature> parse(String list) {
        String text = list.strip();
        if (text.equalsIgnoreCase("all")) {
            return all();
        }
        Set<IndexFeature> features = EnumSet.noneOf(IndexFeature.class);
        if (!text.equalsIgnoreCase("none")) {
            String every = labels(EnumSet.allOf(IndexFeature.class));
            for (String part : text.split(",", -1)) {
                String label = part.strip();
                if (label.isEmpty()) {
                    throw new IllegalArgumentException("empty feature in '" + list + "': give labels separated by"
                            + " commas (" + every + "), all or none");
                }
                if (label.equalsIgnoreCase("all") || label.equalsIgnoreCase("none")) {
                    throw new IllegalArgumentException("'" + label + "' stands alone, not in a list ('" + list
                            + "'): give all, none, or labels separated by commas (" + every + ")");
                }
                features.add(ofLabel(label));
            }
        }
        return Collections.unmodifiableSet(features);
    }

    /** The labels of {@code features} in declaration order, comma-separated; "none" for none. */
    public static String labels(Set<IndexFeature> features) {
        if (features.isEmpty()) {
            return "none";
        }
        return EnumSet.copyOf(features).stream().map(IndexFeature::label).collect(Collectors.joining(","));
    }
}
