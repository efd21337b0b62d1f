package dev.lede.internal.html;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Headline rules: the site-name suffix or prefix comes off a {@code <title>} ("Story | Site",
 * "Site - Story"), and a visible {@code <h1>} that matches the metadata title wins over it, since
 * the visible headline is what a reader calls the title.
 */
final class Titles {
    private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:[|\\-–—·•»~]|::)\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Titles() {}

    /** {@code title} without a leading or trailing part that names the site. */
    static String withoutSiteName(String title, String siteName, String host) {
        String t = Text.collapse(title);
        if (t.contains("&") && t.contains(";")) {
            // Escaped twice in the page's metadata: "Actuary&#8217;s".
            t = Parser.unescapeEntities(t, false);
        }
        String[] parts = SEPARATOR.split(t);
        if (parts.length < 2) {
            return t;
        }
        List<String> keep = new ArrayList<>(List.of(parts));
        String site = key(siteName);
        String hostKey = key(host);
        boolean removed = false;
        while (keep.size() > 1 && namesSite(keep.get(keep.size() - 1), site, hostKey)) {
            keep.remove(keep.size() - 1);
            removed = true;
        }
        while (keep.size() > 1 && namesSite(keep.get(0), site, hostKey)) {
            keep.remove(0);
            removed = true;
        }
        if (!removed) {
            // No site name to match: a short last part after a longer headline is a suffix.
            String last = keep.get(keep.size() - 1);
            int lastWords = words(last).size();
            int restWords = words(t).size() - lastWords;
            if (lastWords <= 4 && restWords >= 2 * lastWords + 2) {
                keep.remove(keep.size() - 1);
            }
        }
        return joinedLike(t, keep);
    }

    private static String joinedLike(String original, List<String> parts) {
        int start = original.indexOf(parts.get(0));
        String lastPart = parts.get(parts.size() - 1);
        int end = original.indexOf(lastPart, start) + lastPart.length();
        return start >= 0 && end > start ? original.substring(start, end).strip() : String.join(" - ", parts);
    }

    private static boolean namesSite(String part, String site, String host) {
        String k = key(part);
        if (k.isEmpty()) {
            return true;
        }
        return (!site.isEmpty() && (k.equals(site) || site.contains(k) && k.length() >= 3 || k.contains(site)))
                || (!host.isEmpty() && (host.contains(k.replace(" ", "")) && k.length() >= 3));
    }

    /** Lower-case letters and digits with single spaces: the form titles are compared in. */
    static String key(String s) {
        if (s == null) {
            return "";
        }
        return String.join(" ", words(s));
    }

    static List<String> words(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        var m = WORD.matcher(n);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Bag-of-words F1 of two strings, 0 when either has no word. */
    static double similarity(String a, String b) {
        List<String> wa = words(a);
        List<String> wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        wa.forEach(w -> counts.merge(w, 1, Integer::sum));
        int common = 0;
        for (String w : wb) {
            Integer c = counts.get(w);
            if (c != null && c > 0) {
                common++;
                counts.put(w, c - 1);
            }
        }
        return 2.0 * common / (wa.size() + wb.size());
    }
}
