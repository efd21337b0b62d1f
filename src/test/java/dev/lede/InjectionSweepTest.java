package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import dev.lede.cli.CliEnvironment;
import dev.lede.cli.LedeCommand;
import dev.lede.query.Highlight;
import dev.lede.query.Hit;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.Snippet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile strings (HTML, script, entities, Lede's own highlight tags, terminal escapes, bidi
 * overrides, NUL) in titles and bodies: every snippet and highlighted title comes back HTML-escaped
 * with only the highlight tags raw, un-escaping it gives the article's own text back, and the CLI's
 * human output carries no control, escape or bidi-override character.
 *
 * <p>The CI run sweeps each hostile string once, plus {@value #CI_RANDOM} articles of random
 * combinations. For a long run: {@code mvn test -Dtest=InjectionSweepTest
 * -Dlede.injection.articles=20000} (and {@code -Dlede.injection.seed=N} to repeat one).
 */
class InjectionSweepTest {
    private static final int CI_RANDOM = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The swept strings. Keep every string a failure was found with. */
    static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "\"><svg/onload=alert(1)>",
            "'><iframe src=javascript:alert(1)>",
            "javascript:alert(document.cookie)",
            "&lt;b&gt;bold&lt;/b&gt;",
            "&amp; &amp;amp; &#60; &#x3C; &quot; &#39; &nbsp;",
            "AT&T & Johnson & Johnson",
            "<mark>fake</mark>",
            "</mark><mark>",
            "<b class=\"hit\">",
            "</b>",
            "<!-- comment --> <![CDATA[x]]>",
            "a < b > c && d",
            "it's \"quoted\" and 'single'",
            "\u001B[31mred\u001B[0m",
            "\u001B]0;pwned title\u0007",
            "\u001B]8;;http://evil.example\u001B\\link\u001B]8;;\u001B\\",
            "\u009B31m C1 CSI \u009D0;osc\u009C",
            "\u001B[2J\u001B[H cleared",
            "\u001BP+q\u001B\\ dcs",
            "visible\rhidden overwrite",
            "back\b\b\b\bspace",
            "bell\u0007bell",
            "nul\u0000byte",
            "del\u007Fchar",
            "\u202Eevil override\u202C",
            "\u2066isolate\u2069 \u202Aembed\u202C \u200Fmark\u200E \u061Calm",
            "zero\u200Bwidth\u200C\u200Djoin\uFEFF",
            "vertical\u000Btab\fform\u001Cfs\u001Fus",
            "line\u2028separator\u2029para",
            "emoji 🧨 and 𝒜 surrogate pairs",
            "tab\tand\nnew\r\nlines");

    @TempDir
    Path tmp;

    private final List<String> violations = new ArrayList<>();
    private long snippetsChecked;

    @Test
    void sweep_hostileStrings_escapedInEverySnippetAndKeptOutOfTheTerminal() throws IOException {
        long seed = Long.getLong("lede.injection.seed", 20260101L);
        int randomArticles = Integer.getInteger("lede.injection.articles", CI_RANDOM);
        List<Article> articles = corpus(new Random(seed), randomArticles);
        Map<String, Article> byId = new HashMap<>();
        articles.forEach(a -> byId.put(a.id(), a));
        Path folder = tmp.resolve("index");
        long start = System.nanoTime();
        try (ArticleIndex index = ArticleIndex.open(folder)) {
            index.addAll(articles);
            for (Highlight h : highlights()) {
                sweep(index, byId, "zanzibar", h); // matches in title and body
                sweep(index, byId, "xylophone", h); // title only: the body's lede stands in
            }
        }
        long apiMs = (System.nanoTime() - start) / 1_000_000;
        int cliRuns = cli(folder, byId);
        long cliMs = (System.nanoTime() - start) / 1_000_000 - apiMs;
        System.out.printf(
                Locale.ROOT,
                "Injection sweep (seed %d): %d hostile strings, %d articles, %d snippets checked, %d CLI runs,"
                        + " %d ms + %d ms, violations %d%n",
                seed,
                HOSTILE.size(),
                articles.size(),
                snippetsChecked,
                cliRuns,
                apiMs,
                cliMs,
                violations.size());
        violations.stream().limit(20).forEach(v -> System.out.println("VIOLATION " + v));
        assertThat(violations).isEmpty();
    }

    // --- corpus

    /** Each hostile string alone in one article, then random combinations of them. */
    private static List<Article> corpus(Random random, int randomArticles) {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            articles.add(article("fixed-" + i, HOSTILE.get(i), HOSTILE.get(i), HOSTILE.get(i)));
        }
        for (int i = 0; i < randomArticles; i++) {
            articles.add(article("random-" + i, combination(random), combination(random), combination(random)));
        }
        return articles;
    }

    private static String combination(Random random) {
        StringBuilder s = new StringBuilder();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            String h = HOSTILE.get(random.nextInt(HOSTILE.size()));
            int cut = random.nextInt(4) == 0 ? random.nextInt(h.length() + 1) : h.length(); // half a tag, too
            if (cut > 0 && cut < h.length() && Character.isSurrogatePair(h.charAt(cut - 1), h.charAt(cut))) {
                cut--; // a lone surrogate is stored as U+FFFD (UTF-8 in Lucene), so it would not read back
            }
            s.append(h, 0, cut).append(random.nextBoolean() ? " " : "");
        }
        return s.toString();
    }

    private static Article article(String id, String inTitle, String inBody, String inByline) {
        String filler = "The council met on Tuesday to discuss the harbour budget and the new ferry timetable. ";
        return Article.builder(id)
                .title("Report " + inTitle + " zanzibar xylophone")
                .body(filler.repeat(3) + inBody + " the zanzibar quarry " + inBody + " closed. " + filler.repeat(3)
                        + inBody)
                .source("Source " + inByline)
                .authors(List.of("Author " + inByline))
                .url("https://example.com/" + id + "?q=" + inByline)
                .build();
    }

    private static List<Highlight> highlights() {
        return List.of(
                Highlight.defaults(),
                Highlight.defaults().tags("<b class=\"hit\">", "</b>"),
                Highlight.passages(5).chars(40),
                Highlight.none());
    }

    // --- the library's snippets

    private void sweep(ArticleIndex index, Map<String, Article> byId, String word, Highlight h) throws IOException {
        SearchRequest request = SearchRequest.of(word)
                .highlight(h)
                .size(SearchRequest.MAX_WINDOW)
                .exactTotal(true);
        SearchResults results = index.search(request);
        if (results.hits().size() != byId.size()) {
            violations.add(word + ": " + results.hits().size() + " hits of " + byId.size());
        }
        for (Hit hit : results.hits()) {
            Article a = byId.get(hit.id());
            check(hit.id() + " title", hit.title(), a.title(), h);
            for (Snippet s : hit.snippets()) {
                check(hit.id() + " body", s, a.body(), h);
            }
            if (h.title() && !hit.title().marked().equals(List.of("zanzibar")) && word.equals("zanzibar")) {
                violations.add(hit.id() + ": title marks " + hit.title().marked());
            }
        }
    }

    /**
     * One snippet: its HTML, read back with only the exact tags taken as markup and only the five
     * entities the formatter writes, gives its text and marks; its text is the field's own text with
     * white space folded.
     */
    private void check(String where, Snippet s, String field, Highlight h) {
        check(where, s, field, h, true);
    }

    private void check(String where, Snippet s, String field, Highlight h, boolean onlySweptWords) {
        snippetsChecked++;
        StringBuilder text = new StringBuilder();
        List<Snippet.Mark> marks = new ArrayList<>();
        String html = s.html();
        int markStart = -1;
        for (int i = 0; i < html.length(); ) {
            if (markStart < 0 && html.startsWith(h.preTag(), i)) {
                markStart = text.length();
                i += h.preTag().length();
            } else if (markStart >= 0 && html.startsWith(h.postTag(), i)) {
                marks.add(new Snippet.Mark(markStart, text.length()));
                markStart = -1;
                i += h.postTag().length();
            } else if (html.charAt(i) == '&') {
                String entity = entityAt(html, i);
                if (entity == null) {
                    violations.add(where + ": bare & at " + i + " in " + html);
                    return;
                }
                text.append(ENTITIES.get(entity));
                i += entity.length();
            } else if ("<>\"'".indexOf(html.charAt(i)) >= 0) {
                violations.add(where + ": raw " + html.charAt(i) + " at " + i + " in " + html);
                return;
            } else {
                text.append(html.charAt(i++));
            }
        }
        if (markStart >= 0 || !text.toString().equals(s.text()) || !marks.equals(s.marks())) {
            violations.add(where + ": HTML does not read back as the text and marks: " + html);
        }
        if (!fold(field).contains(s.text())) {
            violations.add(where + ": text is not the field's own: " + s.text());
        }
        for (String marked : onlySweptWords ? s.marked() : List.<String>of()) {
            if (!marked.equalsIgnoreCase("zanzibar") && !marked.equalsIgnoreCase("xylophone")) {
                violations.add(where + ": marked " + marked);
            }
        }
    }

    private static final Map<String, String> ENTITIES =
            Map.of("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&#x27;", "'");

    private static String entityAt(String html, int i) {
        for (String e : ENTITIES.keySet()) {
            if (html.startsWith(e, i)) {
                return e;
            }
        }
        return null;
    }

    /** White-space runs as one space, as snippets fold them. */
    private static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    // --- the CLI

    /**
     * Runs search over every hit (human, on a terminal and not, and JSON), search with each hostile
     * string in the query (echoed in the header), and get; returns how many runs.
     */
    private int cli(Path folder, Map<String, Article> byId) throws IOException {
        int runs = 0;
        String index = folder.toString();
        String all = String.valueOf(byId.size());
        for (String word : List.of("zanzibar", "xylophone")) {
            checkHuman("search " + word, run(false, "search", word, "--index", index, "--limit", all), false);
            checkHuman("search (terminal) " + word, run(true, "search", word, "--index", index, "--limit", all), true);
            checkJson(
                    "search --json " + word,
                    run(false, "search", word, "--index", index, "--limit", all, "--json"),
                    byId);
            runs += 3;
        }
        for (int i = 0; i < HOSTILE.size(); i++) {
            String query = "zanzibar " + HOSTILE.get(i);
            checkHuman("search " + query, run(false, "search", query, "--index", index, "--limit", "3"), false);
            checkHuman("get fixed-" + i, run(false, "get", "fixed-" + i, "--index", index), false);
            runs += 2;
        }
        return runs;
    }

    private final StringWriter err = new StringWriter();

    private String run(boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        int code = LedeCommand.execute(
                args, new PrintWriter(out), new PrintWriter(err), new CliEnvironment(tmp, terminal, false));
        if (code != 0) {
            violations.add(String.join(" ", args) + ": exit " + code + ": " + err);
        }
        return out.toString();
    }

    /** No character that a terminal acts on, but the line feeds and (on a terminal) Lede's bold. */
    private void checkHuman(String where, String out, boolean terminal) {
        String s = terminal ? out.replace("\u001B[1m", "").replace("\u001B[22m", "") : out;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unsafe = (Character.isISOControl(c) && c != '\n')
                    || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069')
                    || c == '\u200E'
                    || c == '\u200F'
                    || c == '\u061C';
            if (unsafe) {
                violations.add(String.format(Locale.ROOT, "%s: U+%04X at %d in human output", where, (int) c, i));
                return;
            }
        }
    }

    /** Valid JSON whose titles and snippets are the library's HTML, and whose values are the articles'. */
    private void checkJson(String where, String out, Map<String, Article> byId) {
        JsonNode results;
        try {
            results = JSON.readTree(out);
        } catch (IOException e) {
            violations.add(where + ": not JSON: " + e.getMessage());
            return;
        }
        for (JsonNode hit : results.get("hits")) {
            Article a = byId.get(hit.get("id").asText());
            if (a == null
                    || !hit.get("source").asText().equals(a.source())
                    || !hit.get("url").asText().equals(a.url())
                    || !hit.get("authors").get(0).asText().equals(a.authors().get(0))) {
                violations.add(where + ": values changed for " + hit.get("id"));
                continue;
            }
            Highlight h = Highlight.defaults();
            check(where + " title", parse(hit.get("title").asText(), h), a.title(), h, false);
            for (JsonNode snippet : hit.get("snippets")) {
                check(where + " body", parse(snippet.asText(), h), a.body(), h, false);
            }
        }
    }

    /** A snippet rebuilt from HTML alone, so that {@link #check} compares it with itself and the field. */
    private static Snippet parse(String html, Highlight h) {
        StringBuilder text = new StringBuilder();
        List<Snippet.Mark> marks = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < html.length(); ) {
            if (html.startsWith(h.preTag(), i)) {
                start = text.length();
                i += h.preTag().length();
            } else if (html.startsWith(h.postTag(), i) && start >= 0) {
                marks.add(new Snippet.Mark(start, text.length()));
                start = -1;
                i += h.postTag().length();
            } else {
                String entity = html.charAt(i) == '&' ? entityAt(html, i) : null;
                text.append(entity != null ? ENTITIES.get(entity) : String.valueOf(html.charAt(i)));
                i += entity != null ? entity.length() : 1;
            }
        }
        return new Snippet(text.toString(), marks, html);
    }
}
