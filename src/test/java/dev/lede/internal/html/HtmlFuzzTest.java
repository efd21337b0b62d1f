package dev.lede.internal.html;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.TestFiles;
import dev.lede.article.Article;
import dev.lede.ingest.HtmlArticles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken pages through the page-to-article mapping ingest uses: the project's fixture
 * pages cut, spliced, nested thousands deep, given malformed or hostile JSON-LD and metadata, NUL
 * and control characters, huge attributes and scripts. Every page must give an article or a clean
 * "no article", never an exception, and nothing from a script or style element may reach the
 * article ({@code <noscript>} content is dropped too, but not asserted: past jsoup's nesting limit
 * of 512 a page's elements are parsed as siblings, as in browsers, and its text is then a reader's).
 * {@code -Dlede.htmlfuzz.pages=N} (default 150) and {@code -Dlede.htmlfuzz.seed=S}.
 */
class HtmlFuzzTest {
    private static final String SCRIPT_MARK = "zzscriptleakzz";

    @Test
    void mutatedPages_giveAnArticleOrNothing_andNeverScriptText() throws IOException {
        int pages = Integer.getInteger("lede.htmlfuzz.pages", 150);
        long seed = Long.getLong("lede.htmlfuzz.seed", 20261128L);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> bases = new ArrayList<>();
        for (String name : List.of("news-article.html", "blog-post.html")) {
            bases.add(Files.readString(TestFiles.resource("html/" + name), UTF_8));
        }
        List<UnaryOperator<String>> mutations = mutations(random);

        int articles = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            String page = bases.get(random.nextInt(bases.size()));
            int rounds = 1 + random.nextInt(3);
            StringBuilder applied = new StringBuilder();
            for (int r = 0; r < rounds; r++) {
                int m = random.nextInt(mutations.size());
                applied.append(m).append(' ');
                page = mutations.get(m).apply(page);
            }
            try {
                Optional<Article> article = HtmlArticles.parse("page-" + i, page);
                if (article.isPresent()) {
                    articles++;
                    Article a = article.get();
                    String all = a.title() + "\n" + a.body() + "\n" + String.join(" ", a.authors()) + "\n" + a.source();
                    if (all.contains(SCRIPT_MARK)) {
                        failures.add("page " + i + " (mutations " + applied + "): script text in the article");
                        if (Boolean.getBoolean("lede.htmlfuzz.debug")) {
                            System.out.println(page + "\n=====\n" + all);
                        }
                    }
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.add("page " + i + " (mutations " + applied + "): " + e);
            }
        }
        System.out.printf(
                "HTML fuzz: %d pages (seed %d), %d articles, %d failures%n", pages, seed, articles, failures.size());

        assertThat(failures).isEmpty();
        // The mutations keep most pages readable: if almost none give an article, the test tests nothing.
        assertThat(articles).isGreaterThan(pages / 3);
    }

    private static List<UnaryOperator<String>> mutations(SplittableRandom random) {
        List<UnaryOperator<String>> m = new ArrayList<>();
        m.add(p -> p.substring(0, random.nextInt(p.length() + 1))); // truncated download
        m.add(
                p -> { // a slice repeated elsewhere: unbalanced tags, duplicated metadata
                    int a = random.nextInt(p.length());
                    int b = Math.min(p.length(), a + random.nextInt(2_000));
                    int at = random.nextInt(p.length());
                    return p.substring(0, at) + p.substring(a, b) + p.substring(at);
                });
        m.add(p -> insertInBody(p, "<div>".repeat(5_000) + "<p>" + "Deep text. ".repeat(20) + "</p>"));
        m.add(p -> insertInBody(p, "<span><b><i>".repeat(3_000)));
        m.add(p -> insertInHead(p, "<script type=\"application/ld+json\">" + "[".repeat(50_000) + "</script>"));
        m.add(p -> insertInHead(
                p,
                "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
                        + pick(random, "42", "[1,[2]]", "{\"a\":null}", "null", "\"\"", "true") + ",\"author\":"
                        + pick(random, "[[[{}]]]", "{\"name\":[1,2]}", "\"\"", "42", "[null]", "{\"@id\":\"#loop\"}")
                        + ",\"datePublished\":"
                        + pick(random, "\"not a date\"", "\"99999-99-99\"", "17", "\"2019-02-30T25:61:00+99:00\"", "[]")
                        + "}</script>"));
        m.add(p -> insertInHead(
                p,
                "<script type=\"application/ld+json\">{\"@graph\":[{\"@id\":\"#a\",\"author\":"
                        + "{\"@id\":\"#a\"}},{\"@type\":\"NewsArticle\",\"author\":{\"@id\":\"#a\"}}]}</script>"));
        m.add(p -> insertInHead(p, "<meta property=\"og:title\" content=\"" + "x".repeat(200_000) + "\">"));
        m.add(p -> insertInHead(
                p,
                "<meta property=\"article:published_time\" content=\""
                        + pick(random, "", "0000-00-00", "2019-13-45", "-999999999-01-01", "9".repeat(40)) + "\">"));
        m.add(p -> insertInBody(p, "<div class=\"" + "a ".repeat(50_000) + "\"><p>Attributes.</p></div>"));
        m.add(p -> insertInBody(
                p,
                "<script>var s = '" + SCRIPT_MARK + "';</script><style>p:after{content:'" + SCRIPT_MARK
                        + "'}</style><noscript><p>No script.</p></noscript>"));
        // A title is plain text in HTML: this one is the literal "<script>alert(1)</script>", escaped on output.
        m.add(p -> insertInHead(p, "<title><script>alert(1)</script></title>"));
        m.add(p -> insertAt(random, p, "\u0000\u0007\u001b[31m\u202e\ufeff\ud800"));
        m.add(p -> insertAt(random, p, "&#0;&#xD800;&#99999999;&amp&lt;&bogus;&#x;"));
        m.add(p -> insertInBody(p, "<table>".repeat(500) + "<tr><td><p>Cell text in a table.</p>"));
        m.add(p -> insertInBody(p, "<p>" + "longword".repeat(100_000) + "</p>"));
        m.add(p -> p.replace("<body", "<frameset><body").replace("</html>", "<svg><foreignObject><p>x</svg>"));
        m.add(p -> insertInBody(
                p,
                "<time datetime=\"" + "2019-".repeat(1_000) + "\">when</time>" + "<p class=\"byline\">By "
                        + "Name, ".repeat(2_000) + "</p>"));
        return m;
    }

    private static String pick(SplittableRandom random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String insertAt(SplittableRandom random, String page, String text) {
        int at = random.nextInt(page.length() + 1);
        return page.substring(0, at) + text + page.substring(at);
    }

    private static String insertInHead(String page, String text) {
        int at = page.indexOf("</head>");
        return at < 0 ? text + page : page.substring(0, at) + text + page.substring(at);
    }

    private static String insertInBody(String page, String text) {
        int at = page.indexOf("</p>");
        // Only after a paragraph: appended to a page cut inside a tag or a <title>, the text would be
        // an attribute or the title's literal text, as HTML says.
        return at < 0 ? page : page.substring(0, at + 4) + text + page.substring(at + 4);
    }
}
