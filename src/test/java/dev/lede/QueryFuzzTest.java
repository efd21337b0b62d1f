package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.article.Article;
import dev.lede.query.QuerySyntaxException;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.Syntax;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile queries through the whole search path (parse, compile, search, highlight): the
 * lenient and words syntaxes never throw; the strict syntax throws only {@link
 * QuerySyntaxException}. CI runs 3,000 queries per syntax; {@code -Dlede.fuzz.queries=1000000}
 * runs a long one, {@code -Dlede.fuzz.seed=N} repeats a run. Inputs that once failed stay in
 * {@link #REGRESSIONS}.
 */
class QueryFuzzTest {
    private static final List<String> REGRESSIONS = List.of(
            "adams AND (\"",
            "\"",
            "“",
            "-",
            "+",
            "title:",
            "-title:",
            ":",
            "::",
            "\u0000",
            "a:b:c",
            "\"\"",
            "(((",
            ")))",
            "/[^a]{1,100000}/",
            "*",
            "?",
            "~",
            "^",
            "a^",
            "\\",
            "title:\"",
            "-\"a",
            "\uD800",
            "source:\"\"",
            "/NOT!{\u0003/",
            "/a{x/",
            "/[/",
            "/(a|b)*a(a|b){20}/",
            "x".repeat(10_000));

    private static final String[] PIECES = {
        "adams",
        "sanctuary",
        "laws",
        "AND",
        "OR",
        "NOT",
        "&&",
        "||",
        "!",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "\"",
        "“",
        "”",
        "«",
        "'",
        "-",
        "+",
        ":",
        "title:",
        "body:",
        "source:",
        "author:",
        "topic:",
        "x.section:",
        "*",
        "?",
        "~",
        "~2",
        "^",
        "^3",
        "/",
        "/a.*/",
        "(a|b)",
        "{20}",
        "{1,100}",
        "|",
        ".*",
        "a*",
        "*b",
        "?c",
        "~1",
        "\\",
        "TO",
        "[a TO z]",
        " ",
        "  ",
        "\t",
        "\n",
        "\u0000",
        "\u001B[31m",
        "\u202E",
        "é",
        "ß",
        "日本",
        "🙂",
        "\uD800",
        "<script>",
        "&amp;",
        "<mark>",
        "1e300",
        "-1",
        "0",
        "…"
    };

    @Test
    void generatedQueries_neverThrowInLenientOrWords_andOnlySyntaxErrorsInStrict() throws IOException {
        long seed = Long.getLong("lede.fuzz.seed", System.nanoTime());
        int count = Integer.getInteger("lede.fuzz.queries", 3_000);
        System.out.println("QueryFuzzTest seed " + seed + ", " + count + " queries per syntax");
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>(REGRESSIONS);
        for (int i = 0; i < count; i++) {
            queries.add(generate(random));
        }
        int syntaxErrors = 0;
        try (ArticleIndex index = ArticleIndex.inMemory(IndexConfig.defaults().refreshInterval(Duration.ZERO))) {
            index.addAll(List.of(
                    Article.builder("a")
                            .title("Adams and the sanctuary laws")
                            .body("Mayor Adams said the laws...")
                            .build(),
                    Article.builder("b")
                            .title("<script>alert(1)</script>")
                            .body("Text with <mark> & \"quotes\".")
                            .build()));
            for (String q : queries) {
                for (Syntax syntax : new Syntax[] {Syntax.LENIENT, Syntax.WORDS}) {
                    SearchResults r = search(index, q, syntax, seed);
                    assertThat(r.hits().size())
                            .as("%s %s (seed %d)", syntax, q, seed)
                            .isLessThanOrEqualTo(2);
                }
                try {
                    search(index, q, Syntax.LUCENE, seed);
                } catch (QuerySyntaxException e) {
                    assertThat(e.position()).isBetween(0, q.length());
                    syntaxErrors++;
                }
            }
        }
        System.out.println("QueryFuzzTest: " + queries.size() * 3 + " searches, " + syntaxErrors
                + " strict-syntax errors, 0 other exceptions");
    }

    private static SearchResults search(ArticleIndex index, String q, Syntax syntax, long seed) throws IOException {
        try {
            return index.search(SearchRequest.of(q).syntax(syntax));
        } catch (QuerySyntaxException e) {
            if (syntax != Syntax.LUCENE) {
                throw new AssertionError(syntax + " threw for " + escape(q) + " (seed " + seed + ")", e);
            }
            throw e;
        } catch (RuntimeException e) {
            throw new AssertionError(syntax + " threw " + e + " for " + escape(q) + " (seed " + seed + ")", e);
        }
    }

    private static String generate(Random random) {
        StringBuilder q = new StringBuilder();
        int parts = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 8);
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(4) == 0) {
                q.appendCodePoint(random.nextInt(random.nextBoolean() ? 0x80 : 0x30000));
            } else {
                q.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return q.toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints()
                .forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u{%X}", c) : Character.toString(c)));
        return out.toString();
    }
}
