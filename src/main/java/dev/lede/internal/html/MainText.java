package dev.lede.internal.html;

import dev.lede.internal.html.TextBlocks.Block;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the article's main text in a page body and returns it as blocks. Three steps: furniture
 * comes out (scripts, hidden text, navigation, share bars, comments, ads: see {@link
 * Boilerplate}); the element holding the article is chosen, from the JSON-LD {@code articleBody}
 * when the page has one, else {@code itemprop=articleBody}, else by Readability-style content
 * scoring (paragraph text and commas, discounted by link density, weighted by class words); and
 * the blocks of that element are filtered of stock lines, link lists, picture captions and the
 * headline itself.
 * Changes the document it is given.
 */
final class MainText {
    private static final Set<String> DROPPED_TAGS = Set.of(
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "canvas",
            "iframe",
            "object",
            "embed",
            "video",
            "audio",
            "button",
            "select",
            "input",
            "textarea",
            "option",
            "link",
            "meta",
            "img",
            "picture",
            "source",
            "map",
            "form-button",
            "label");
    private static final Set<String> FURNITURE_TAGS = Set.of("nav", "aside", "footer", "header", "dialog", "menu");
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote", "li", "h2", "h3");
    private static final Set<String> DIV_TAGS = Set.of("div", "section", "article", "span", "font", "main");
    private static final Pattern BYLINE =
            Pattern.compile("(?i)^(?:by|written by|posted by|words by)\\s+\\p{Lu}.{0,80}$");

    private static final Set<String> DEK_WORDS = Set.of(
            "subtitle",
            "subheadline",
            "subhead",
            "subheading",
            "dek",
            "deck",
            "standfirst",
            "summary",
            "synopsis",
            "excerpt",
            "strapline",
            "description");
    private static final Pattern BIO_VERB =
            Pattern.compile("(?:is|was|has|had|holds|joined|started|covers|writes|lives|leads|founded|co-founded)\\b");

    private final Element body;
    private final String title;
    private final List<String> authors;
    private final String description;
    private final Map<Element, Integer> paragraphChars = new IdentityHashMap<>();

    private MainText(Element body, PageMetadata meta) {
        this.body = body;
        this.title = meta.title();
        this.authors = meta.authors();
        this.description = meta.description();
    }

    /** The main text blocks of {@code body}, given the page's metadata. */
    static List<String> extract(Element body, PageMetadata meta) {
        return new MainText(body, meta).run(meta.articleBody());
    }

    private List<String> run(String hint) {
        removeFurniture();
        removeTeaserCards();
        List<Element> roots = byHint(hint);
        if (roots.isEmpty()) {
            roots = byItemprop();
        }
        if (roots.isEmpty()) {
            roots = byScore();
        }
        List<Block> blocks = new ArrayList<>();
        for (Element root : roots) {
            blocks.addAll(TextBlocks.of(root));
        }
        return filter(blocks);
    }

    private void removeFurniture() {
        body.select(String.join(",", DROPPED_TAGS)).remove();
        countParagraphs();
        int total = paragraphChars.getOrDefault(body, 0);
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body) {
                continue;
            }
            Boilerplate.Mark mark = Boilerplate.mark(e);
            if (mark == Boilerplate.Mark.NONE && FURNITURE_TAGS.contains(e.normalName())) {
                mark = Boilerplate.Mark.WEAK;
            }
            int chars = paragraphChars.getOrDefault(e, 0);
            // A wrapper with an unlucky class name holds most of the page's paragraphs; a weakly
            // marked element ("widget", <aside>) with real paragraphs may be part of the article.
            boolean keep =
                    chars > 0.5 * total || (mark == Boilerplate.Mark.WEAK && (chars >= 400 || chars > 0.25 * total));
            if (mark != Boilerplate.Mark.NONE && !keep) {
                doomed.add(e);
            }
        }
        for (Element e : doomed) {
            e.remove();
        }
        paragraphChars.clear();
        countParagraphs();
    }

    /**
     * Removes runs of teaser cards: three or more siblings alike in tag and class, each a short
     * text with a link to another page ("headline link, one-line summary"), as related-story and
     * more-from-the-site lists are built, unless they hold a good part of the page's text.
     */
    private void removeTeaserCards() {
        int total = paragraphChars.getOrDefault(body, 0);
        List<Element> doomed = new ArrayList<>();
        for (Element parent : body.getAllElements()) {
            Map<String, List<Element>> alike = new LinkedHashMap<>();
            for (Element c : parent.children()) {
                alike.computeIfAbsent(c.normalName() + "." + c.className(), k -> new ArrayList<>())
                        .add(c);
            }
            for (List<Element> group : alike.values()) {
                // A roundup ("ten projects to try") is cards too, but they are most of the page.
                if (group.size() >= 3
                        && group.stream().allMatch(MainText::teaserCard)
                        && group.stream().mapToInt(c -> c.text().length()).sum() < 0.25 * total) {
                    doomed.addAll(group);
                }
            }
        }
        for (Element e : doomed) {
            e.remove();
        }
    }

    private static boolean teaserCard(Element e) {
        String text = e.text();
        if (text.length() < 40 || text.length() > 500 || e.getElementsByTag("p").isEmpty()) {
            return false;
        }
        for (Element a : e.getElementsByTag("a")) {
            boolean headline = a.text().length() >= 15
                    || !a.select("h1, h2, h3, h4, h5, h6").isEmpty()
                    || a.parent() != null && a.parent().normalName().matches("h[1-6]");
            if (headline && !a.attr("href").startsWith("#") && !insideParagraph(a)) {
                return true;
            }
        }
        return false;
    }

    private void countParagraphs() {
        for (Element p : body.getElementsByTag("p")) {
            int n = p.text().length();
            for (Element a = p; a != null; a = a.parent()) {
                paragraphChars.merge(a, n, Integer::sum);
            }
        }
    }

    /** The element holding the JSON-LD articleBody: the deepest one with 90% of the matching text. */
    private List<Element> byHint(String hint) {
        Set<String> words = new HashSet<>(Titles.words(hint));
        if (words.size() < 30) {
            return List.of();
        }
        Map<Element, Integer> matched = new IdentityHashMap<>();
        int total = 0;
        for (Element e : paragraphs()) {
            List<String> w = Titles.words(e.text());
            long in = w.stream().filter(words::contains).count();
            if (w.size() >= 5 && in >= 0.8 * w.size()) {
                int n = e.text().length();
                total += n;
                for (Element a = e; a != null; a = a.parent()) {
                    matched.merge(a, n, Integer::sum);
                }
            }
        }
        if (total < 0.3 * hint.length()) {
            return List.of();
        }
        return List.of(deepest(body, matched, 0.9 * total));
    }

    private static Element deepest(Element from, Map<Element, Integer> weights, double needed) {
        Element e = from;
        outer:
        while (true) {
            for (Element child : e.children()) {
                if (weights.getOrDefault(child, 0) >= needed) {
                    e = child;
                    continue outer;
                }
            }
            return e;
        }
    }

    private List<Element> byItemprop() {
        List<Element> found = body.select("[itemprop=articleBody], [itemprop=articlebody]");
        List<Element> out = new ArrayList<>();
        int chars = 0;
        for (Element e : found) {
            if (out.stream().noneMatch(o -> e.parents().contains(o))) {
                out.add(e);
                chars += e.text().length();
            }
        }
        return chars >= 250 ? out : List.of();
    }

    /** Paragraph-like elements: paragraphs, and divs holding text but no block. */
    private List<Element> paragraphs() {
        List<Element> out = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            String tag = e.normalName();
            if (PARAGRAPH_TAGS.contains(tag) || (DIV_TAGS.contains(tag) && !hasBlockChild(e) && e.hasText())) {
                if (!insideParagraph(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static boolean insideParagraph(Element e) {
        for (Element a = e.parent(); a != null; a = a.parent()) {
            String t = a.normalName();
            if (t.equals("p") || t.equals("li") || t.equals("blockquote") || t.equals("pre")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBlockChild(Element e) {
        for (Element c : e.children()) {
            if (TextBlocks.BLOCK_TAGS.contains(c.normalName())
                    && !c.normalName().equals("br")) {
                return true;
            }
        }
        return false;
    }

    /** Readability's scoring: paragraphs give points to their parent, grandparent and on up. */
    private List<Element> byScore() {
        // Insertion order, so that ties go to the first element in the page on every run (jsoup's
        // Element equality is identity, like IdentityHashMap's, whose order changes between runs).
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Element p : paragraphs()) {
            String text = p.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + commas(text) + Math.min(text.length() / 100, 3);
            Element a = p.parent();
            for (int level = 0; a != null && level < 5; level++, a = a.parent()) {
                double share = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(a, base(a) + score / share, (old, add) -> old + score / share);
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> s : scores.entrySet()) {
            double score = s.getValue() * (1 - linkDensity(s.getKey()));
            if (score > bestScore) {
                best = s.getKey();
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of(body);
        }
        best = climb(best);
        return withSiblings(best, bestScore, scores);
    }

    /**
     * Climbs from the best-scored element while its parent adds mostly good paragraphs: articles
     * split into several sibling sections ("intro", "body", one per list item) are one article.
     */
    private Element climb(Element best) {
        Map<Element, Integer> good = new IdentityHashMap<>();
        for (Element p : paragraphs()) {
            String text = p.text();
            if (text.length() >= 40 && linkDensity(p) < 0.3) {
                for (Element a = p; a != null; a = a.parent()) {
                    good.merge(a, text.length(), Integer::sum);
                }
            }
        }
        Element current = best;
        int currentAll = current.text().length();
        int currentGood = good.getOrDefault(current, 0);
        for (Element parent = current.parent(); parent != null && parent != body; parent = parent.parent()) {
            int all = parent.text().length();
            int g = good.getOrDefault(parent, 0);
            int addedAll = all - currentAll;
            int addedGood = g - currentGood;
            boolean little = addedAll <= 0.1 * currentAll;
            boolean mostlyGood = addedGood >= 0.5 * addedAll && addedGood >= 0.1 * currentGood;
            if (!little && !mostlyGood) {
                break;
            }
            if (mostlyGood || little) {
                current = parent;
                currentAll = all;
                currentGood = g;
            }
        }
        return current;
    }

    private List<Element> withSiblings(Element best, double bestScore, Map<Element, Double> scores) {
        Element parent = best.parent();
        if (parent == null) {
            return List.of(best);
        }
        double threshold = Math.max(10, bestScore * 0.2);
        List<Element> out = new ArrayList<>();
        for (Element s : parent.children()) {
            if (s == best) {
                out.add(s);
                continue;
            }
            double score = scores.getOrDefault(s, 0.0) * (1 - linkDensity(s));
            if (score >= threshold) {
                out.add(s);
            } else if (s.normalName().equals("p")) {
                String text = s.text();
                double density = linkDensity(s);
                if ((text.length() > 80 && density < 0.25)
                        || (text.length() > 0 && density == 0 && text.matches("(?s).*[.!?\"”]$"))) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static double base(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + Boilerplate.contentWeight(e);
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、') {
                n++;
            }
        }
        return n;
    }

    private static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.getElementsByTag("a")) {
            links += a.text().length();
        }
        return Math.min(1.0, (double) links / total);
    }

    private List<String> filter(List<Block> blocks) {
        int titleAt = -1;
        for (int i = 0; i < blocks.size() && i < 30; i++) {
            Block b = blocks.get(i);
            if ((b.heading() || i < 10) && !title.isEmpty() && Titles.similarity(b.text(), title) >= 0.9) {
                titleAt = i;
                break;
            }
        }
        List<String> out = new ArrayList<>();
        int tail = blocks.size() - Math.max(3, (blocks.size() - titleAt) / 4);
        for (int i = titleAt + 1; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (keep(b) && !(i >= tail && authorBio(b.text())) && !standfirst(blocks, i, titleAt)) {
                out.add(b.text());
            }
        }
        return out;
    }

    /**
     * Whether a block just under the headline is the standfirst: the page's summary, in an element
     * whose class says subtitle or summary. When the summary is the story's own first paragraph, as
     * it often is, it stays.
     */
    private boolean standfirst(List<Block> blocks, int i, int titleAt) {
        if (i > titleAt + 3 || i + 1 >= blocks.size() || description.length() < 30) {
            return false;
        }
        Block b = blocks.get(i);
        Set<String> summary = new HashSet<>(Titles.words(description));
        Set<String> words = new HashSet<>(Titles.words(b.text()));
        long shared = words.stream().filter(summary::contains).count();
        boolean same = !words.isEmpty() && shared >= 0.8 * words.size() && shared >= 0.6 * summary.size();
        if (!same) {
            return false;
        }
        Element e = b.element();
        String classes =
                e.className() + " " + (e.parent() == null ? "" : e.parent().className());
        return Boilerplate.words(classes).stream().anyMatch(DEK_WORDS::contains);
    }

    /**
     * Whether a block near the end is the writer's biography: "Jane Doe is a reporter who covers
     * schools." Opens with a byline name, or its first word, and a verb of being or doing.
     */
    private boolean authorBio(String text) {
        if (text.length() > 600) {
            return false;
        }
        for (String author : authors) {
            String first = author.split("[\\s,]+")[0];
            for (String name : new String[] {author, first}) {
                if (name.length() >= 3
                        && text.startsWith(name + " ")
                        && BIO_VERB.matcher(text.substring(name.length() + 1)).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean keep(Block b) {
        String text = b.text();
        // Captions describe the pictures, not the story; references for article text leave them out.
        if (b.caption() || Boilerplate.noiseLine(text) || Boilerplate.promoLine(text)) {
            return false;
        }
        if (b.linkDensity() > 0.5 && !(text.length() > 200 && b.linkDensity() < 0.8)) {
            return false;
        }
        if (text.length() < 100 && (BYLINE.matcher(text).matches() || authors.contains(text))) {
            return false;
        }
        if (text.length() < 40 && PageDates.parseText(text) != null) {
            return false;
        }
        return true;
    }
}
