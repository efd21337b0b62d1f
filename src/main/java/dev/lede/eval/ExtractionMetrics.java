package dev.lede.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How close an extracted article is to a reference, as the html-dev set's README defines it.
 * Pure functions.
 *
 * <ul>
 *   <li>Body: both texts are NFKC-normalised and lower-cased, cut into tokens (maximal runs of
 *       letters, digits and {@code _}), and compared as multisets of 4-token shingles (a text of
 *       fewer than 4 tokens is one shingle; an empty text has none). Precision is the overlap over
 *       the extracted shingles, recall the overlap over the reference's; two empty texts score 1,
 *       one empty text 0.
 *   <li>Title: exact match after NFKC, lower case, white space collapsed and surrounding
 *       punctuation and quotes stripped.
 *   <li>Authors: both sides are split into names on {@code , ; & |} and the word "and"; a leading
 *       "by" goes, and so do parts after a comma that are roles or credentials (all-capital
 *       abbreviations such as "MS", "RD", "PhD", or parts with a lower-case word or a role word
 *       such as "Editor"); names are normalised as titles and compared as sets.
 *   <li>Date: the extracted local calendar date against {@code YYYY-MM-DD}, or year and month
 *       against {@code YYYY-MM}.
 * </ul>
 */
public final class ExtractionMetrics {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Pattern EDGE_PUNCT = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*(?:[,;&|]|\\band\\b)\\s*");
    private static final Pattern LEADING_BY = Pattern.compile("(?i)^by\\s+");
    private static final Pattern CREDENTIAL =
            Pattern.compile("(?:[A-Z]\\.?){1,5}|Ph\\.?D\\.?|M\\.?Sc\\.?|Jr\\.?|Sr\\.?");
    private static final Set<String> ROLE_WORDS = Set.of(
            "editor",
            "writer",
            "reporter",
            "correspondent",
            "contributor",
            "expert",
            "staff",
            "senior",
            "director",
            "columnist",
            "author",
            "producer",
            "analyst",
            "manager",
            "team",
            "desk",
            "intern",
            "chief",
            "officer");

    private ExtractionMetrics() {}

    /**
     * Precision, recall and F1 of a text against a reference.
     *
     * @param precision overlap over the extracted text's units
     * @param recall overlap over the reference's units
     * @param f1 their harmonic mean, 0 when both are 0
     */
    public record Overlap(double precision, double recall, double f1) {}

    /** Body overlap: multisets of 4-token shingles. */
    public static Overlap body(String extracted, String reference) {
        return shingles(extracted, reference, 4);
    }

    /** Overlap of multisets of {@code n}-token shingles ({@code n = 1} is bag-of-words). */
    public static Overlap shingles(String extracted, String reference, int n) {
        Map<String, Integer> a = shingleCounts(tokens(extracted), n);
        Map<String, Integer> b = shingleCounts(tokens(reference), n);
        int sizeA = a.values().stream().mapToInt(Integer::intValue).sum();
        int sizeB = b.values().stream().mapToInt(Integer::intValue).sum();
        if (sizeA == 0 && sizeB == 0) {
            return new Overlap(1, 1, 1);
        }
        if (sizeA == 0 || sizeB == 0) {
            return new Overlap(0, 0, 0);
        }
        int overlap = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            overlap += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
        }
        double p = (double) overlap / sizeA;
        double r = (double) overlap / sizeB;
        return new Overlap(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    /** NFKC, lower-cased tokens: maximal runs of letters, digits and underscore. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m =
                TOKEN.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Map<String, Integer> shingleCounts(List<String> tokens, int n) {
        Map<String, Integer> counts = new HashMap<>();
        if (tokens.isEmpty()) {
            return counts;
        }
        if (tokens.size() < n) {
            counts.put(String.join(" ", tokens), 1);
            return counts;
        }
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    /** A title, normalised for comparison. */
    public static String normalizeTitle(String title) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = s.replaceAll("[\\s\\u00A0]+", " ");
        return EDGE_PUNCT.matcher(s).replaceAll("");
    }

    /** Whether two titles are equal once normalised. */
    public static boolean titleMatches(String extracted, String reference) {
        return normalizeTitle(extracted).equals(normalizeTitle(reference));
    }

    /** The normalised names in an author string or list, as a set. */
    public static Set<String> authorNames(List<String> authors) {
        Set<String> names = new LinkedHashSet<>();
        for (String author : authors) {
            String[] parts =
                    NAME_SEPARATOR.split(LEADING_BY.matcher(author.strip()).replaceFirst(""));
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].strip();
                if (part.isEmpty() || (i > 0 && isRole(part))) {
                    continue;
                }
                String name = normalizeTitle(LEADING_BY.matcher(part).replaceFirst(""));
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static boolean isRole(String part) {
        if (CREDENTIAL.matcher(part).matches()) {
            return true;
        }
        for (String word : part.split("\\s+")) {
            if (!word.isEmpty() && Character.isLowerCase(word.charAt(0)) && word.length() > 3) {
                return true;
            }
            if (ROLE_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the extracted authors name the same people as the reference string. */
    public static boolean authorsMatch(List<String> extracted, String reference) {
        return authorNames(extracted).equals(authorNames(List.of(reference)));
    }

    /**
     * Whether an extracted ISO date ({@code 2019-03-01}, or a date-time whose first ten characters
     * are its local date) matches a reference {@code YYYY-MM-DD} or {@code YYYY-MM}.
     */
    public static boolean dateMatches(String extracted, String reference) {
        if (extracted == null || extracted.length() < 10) {
            return false;
        }
        String ref = reference.strip();
        return ref.length() == 7
                ? extracted.startsWith(ref)
                : extracted.substring(0, 10).equals(ref);
    }
}
