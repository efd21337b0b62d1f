package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.query.Highlight;
import dev.lede.query.Hit;
import dev.lede.query.QuerySyntaxException;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.Snippet;
import dev.lede.query.Snippet.Mark;
import dev.lede.query.Syntax;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Searching and highlighting, end to end, on a small in-memory index of hand-made articles. */
class ArticleIndexSearchTest {
    private static final String FILLER = "Filler words keep going on and on. ".repeat(3_500);

    private static ArticleIndex index;

    @BeforeAll
    static void indexArticles() throws IOException {
        index = ArticleIndex.inMemory();
        index.add(Article.builder("city/housing-plan")
                .title("Council approves housing plan")
                .body("The city council approved the housing plan on Tuesday after a long debate.\n\nCritics said the"
                        + " plan ignores renters. Supporters said it would add 5,000 homes by 2030.")
                .published(Published.parse("2025-03-04"))
                .source("Example News")
                .build());
        index.add(Article.builder("budget")
                .title("Mayor presents the city budget")
                .body("The mayor presented a budget of $9 billion on Monday, a small rise on last year. Officials spent"
                        + " the morning explaining the numbers to reporters in the council chamber.\n\n"
                        + "Transport took the largest share. Buses, trams and the two ferry lines will get new money for"
                        + " drivers, repairs and longer evening timetables from the spring onwards, the transport office"
                        + " said.\n\n"
                        + "Critics called it a budget for the suburbs. The opposition wants a budget vote next week and"
                        + " says the budget ignores the city centre entirely, according to a statement.")
                .published(Published.parse("2025-03-10T09:00:00-05:00"))
                .build());
        index.add(Article.builder("transit")
                .title("Mayor unveils transit strategy")
                .body("Officials spoke for two hours on Monday about buses, trams and ferries. The plan covers the next"
                        + " ten years and costs more than anyone expected when the review began in the spring of last"
                        + " year.")
                .build());
        index.add(Article.builder("escape")
                .title("Officials find <script> tag & \"quotes\"")
                .body("Officials found <script>alert('x')</script> in the page & more.")
                .published(Published.parse("2024-12-01"))
                .build());
        index.add(Article.builder("spaces")
                .title("White space")
                .body("The first paragraph ends here.\n\n\tThe second   paragraph has the keyword zebra.")
                .published(Published.parse("2024-12-01"))
                .build());
        index.add(Article.builder("nbsp")
                .title("No-break space")
                .body("The seed ends some paragraphs with a no-break space.\u00A0\n\nLike this okapi line.")
                .published(Published.parse("2024-11-01"))
                .build());
        index.add(Article.builder("long")
                .title("A very long report")
                .body("The needle was found early in the report. " + FILLER + " A second needle lies beyond the limit.")
                .build());
        index.add(Article.builder("long-late")
                .title("Another very long report")
                .body(FILLER + " Only here is the haystack word.")
                .build());
        index.commit();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(Hit::id).toList();
    }

    private static List<String> html(Hit hit) {
        return hit.snippets().stream().map(Snippet::html).toList();
    }

    // --- words and phrases

    @Test
    void search_bareWords_marksEachWordInTitleAndBody() throws IOException {
        SearchResults results = index.search("housing plan");

        assertThat(ids(results)).containsExactly("city/housing-plan", "transit");
        Hit hit = results.hits().get(0);
        assertThat(hit.title().html()).isEqualTo("Council approves <mark>housing</mark> <mark>plan</mark>");
        assertThat(html(hit))
                .containsExactly(
                        "The city council approved the <mark>housing</mark> <mark>plan</mark> on Tuesday after a long debate."
                                + " Critics said the <mark>plan</mark> ignores renters.");
    }

    @Test
    void search_straightQuotedPhrase_highlightsPhraseAsOneUnit() throws IOException {
        SearchResults results = index.search("\"housing plan\"");

        assertThat(ids(results)).containsExactly("city/housing-plan");
        Hit hit = results.hits().get(0);
        assertThat(hit.title().html()).isEqualTo("Council approves <mark>housing plan</mark>");
        assertThat(html(hit))
                .containsExactly(
                        "The city council approved the <mark>housing plan</mark> on Tuesday after a long debate. Critics said"
                                + " the plan ignores renters.");
    }

    @Test
    void search_curlyQuotedPhrase_highlightsPhraseAsOneUnit() throws IOException {
        Hit hit = index.search("“housing plan”").hits().get(0);

        assertThat(hit.title().html()).isEqualTo("Council approves <mark>housing plan</mark>");
        assertThat(hit.snippets()).flatExtracting(Snippet::marked).containsExactly("housing plan");
    }

    @Test
    void snippet_givesPlainTextWithMarkOffsets() throws IOException {
        Snippet snippet =
                index.search("\"housing plan\"").hits().get(0).snippets().get(0);

        assertThat(snippet.text())
                .isEqualTo(
                        "The city council approved the housing plan on Tuesday after a long debate. Critics said the plan ignores renters.");
        assertThat(snippet.marks()).containsExactly(new Mark(30, 42));
        assertThat(snippet.marked()).containsExactly("housing plan");
    }

    @Test
    void search_requiredWord_limitsHitsToArticlesWithIt() throws IOException {
        assertThat(ids(index.search("+housing plan"))).containsExactly("city/housing-plan");
    }

    @Test
    void search_hyphenatedWord_isAPhraseNotAnExclusion() throws IOException {
        // "ignores renters" is in the housing article; "renters ignores" is nowhere.
        assertThat(ids(index.search("ignores-renters"))).containsExactly("city/housing-plan");
        assertThat(ids(index.search("renters-ignores"))).isEmpty();
        assertThat(ids(index.search("two-ferry"))).containsExactly("budget");
    }

    // --- passages

    @Test
    void search_severalMatches_givesPassagesInDocumentOrder() throws IOException {
        Hit hit = index.search("budget").hits().get(0);

        assertThat(hit.title().html()).isEqualTo("Mayor presents the city <mark>budget</mark>");
        assertThat(html(hit))
                .containsExactly(
                        "The mayor presented a <mark>budget</mark> of $9 billion on Monday, a small rise on last year."
                                + " Officials spent the morning",
                        "from the spring onwards, the transport office said. Critics called it a <mark>budget</mark> for the"
                                + " suburbs. The opposition wants a <mark>budget</mark> vote next week and says the",
                        "<mark>budget</mark> ignores the city centre entirely, according to a statement.");
    }

    @Test
    void search_fewerPassagesRequested_keepsBestOnesInDocumentOrder() throws IOException {
        Hit hit = index.search(SearchRequest.of("budget").highlight(Highlight.passages(2)))
                .hits()
                .get(0);

        assertThat(html(hit))
                .containsExactly(
                        "from the spring onwards, the transport office said. Critics called it a <mark>budget</mark> for the"
                                + " suburbs. The opposition wants a <mark>budget</mark> vote next week and says the",
                        "<mark>budget</mark> ignores the city centre entirely, according to a statement.");
    }

    @Test
    void search_zeroPassages_givesTitleOnly() throws IOException {
        Hit hit = index.search(SearchRequest.of("housing").highlight(Highlight.passages(0)))
                .hits()
                .get(0);

        assertThat(hit.snippets()).isEmpty();
        assertThat(hit.title().html()).isEqualTo("Council approves <mark>housing</mark> plan");
    }

    @Test
    void search_onlyTitleMatches_givesTheLedeUnmarked() throws IOException {
        Hit hit = index.search("strategy").hits().get(0);

        assertThat(hit.id()).isEqualTo("transit");
        assertThat(hit.title().html()).isEqualTo("Mayor unveils transit <mark>strategy</mark>");
        assertThat(hit.snippets())
                .containsExactly(new Snippet(
                        "Officials spoke for two hours on Monday about buses, trams and ferries. The plan covers the next"
                                + " ten years and costs more than anyone expected when the review",
                        List.of(),
                        "Officials spoke for two hours on Monday about buses, trams and ferries. The plan covers the next"
                                + " ten years and costs more than anyone expected when the review"));
    }

    @Test
    void search_whiteSpaceRuns_areFoldedToOneSpace() throws IOException {
        Hit hit = index.search("zebra").hits().get(0);

        assertThat(hit.snippets())
                .extracting(Snippet::text)
                .containsExactly("The first paragraph ends here. The second paragraph has the keyword zebra.");
    }

    @Test
    void search_noBreakSpaceBeforeParagraphBreak_isFoldedIntoOneSpace() throws IOException {
        // As in the seed article: "since 2007.\u00A0\n\nTrump has also proposed ..."
        Hit hit = index.search("okapi").hits().get(0);

        assertThat(hit.snippets())
                .extracting(Snippet::text)
                .containsExactly("The seed ends some paragraphs with a no-break space. Like this okapi line.");
    }

    // --- escaping and tags

    @Test
    void search_markupInText_isEscapedInHtml() throws IOException {
        Hit hit = index.search("officials").hits().get(0);

        assertThat(hit.id()).isEqualTo("escape");
        assertThat(hit.title().html())
                .isEqualTo("<mark>Officials</mark> find &lt;script&gt; tag &amp; &quot;quotes&quot;");
        assertThat(html(hit))
                .containsExactly(
                        "<mark>Officials</mark> found &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; in the page &amp; more.");
        assertThat(hit.snippets().get(0).text())
                .isEqualTo("Officials found <script>alert('x')</script> in the page & more.");
    }

    @Test
    void search_matchInsideMarkup_isMarkedBetweenEscapes() throws IOException {
        Hit hit = index.search("script").hits().get(0);

        assertThat(html(hit))
                .containsExactly(
                        "Officials found &lt;<mark>script</mark>&gt;alert(&#x27;x&#x27;)&lt;/<mark>script</mark>&gt; in the page &amp; more.");
    }

    @Test
    void search_customTags_areInsertedAsGiven() throws IOException {
        SearchRequest request =
                SearchRequest.of("officials").highlight(Highlight.defaults().tags("<b class=\"hit\">", "</b>"));

        Hit hit = index.search(request).hits().get(0);

        assertThat(hit.title().html())
                .isEqualTo("<b class=\"hit\">Officials</b> find &lt;script&gt; tag &amp; &quot;quotes&quot;");
        assertThat(html(hit))
                .containsExactly(
                        "<b class=\"hit\">Officials</b> found &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; in the page &amp; more.");
    }

    // --- long articles

    @Test
    void search_articleLongerThan100000Chars_isHighlightedOnItsPrefix() throws IOException {
        SearchResults results = index.search("needle");

        assertThat(ids(results)).containsExactly("long");
        assertThat(results.hits().get(0).article().body().length()).isGreaterThan(100_000);
        assertThat(html(results.hits().get(0)))
                .containsExactly(
                        "The <mark>needle</mark> was found early in the report. Filler words keep going on and on. Filler words");
    }

    @Test
    void search_matchOnlyBeyondHighlightLimit_givesTheLede() throws IOException {
        Hit hit = index.search("haystack").hits().get(0);

        assertThat(hit.id()).isEqualTo("long-late");
        assertThat(hit.snippets()).hasSize(1);
        assertThat(hit.snippets().get(0).marks()).isEmpty();
        assertThat(hit.snippets().get(0).text())
                .isEqualTo(
                        "Filler words keep going on and on. Filler words keep going on and on. Filler words keep going on"
                                + " and on. Filler words keep going on and on. Filler words keep");
    }

    // --- exclusions, empty queries, syntaxes

    @Test
    void search_onlyExclusions_givesEveryOtherArticleNewestFirstUndatedLast() throws IOException {
        SearchResults results = index.search("-housing");

        // budget 2025-03-10T14:00Z; escape and spaces both 2024-12-01 (tie broken by id); nbsp 2024-11-01;
        // then the undated ones by id.
        assertThat(ids(results)).containsExactly("budget", "escape", "spaces", "nbsp", "long", "long-late", "transit");
        assertThat(results.total()).isEqualTo(7);
        assertThat(results.hits()).allSatisfy(h -> assertThat(h.score()).isNaN());
    }

    @Test
    void search_excludedPhrase_removesOnlyArticlesWithThePhrase() throws IOException {
        assertThat(ids(index.search("plan -\"housing plan\""))).containsExactly("transit");
    }

    @Test
    void search_exclusionOfUnknownWord_givesEverything() throws IOException {
        assertThat(index.search("-zzzz").total()).isEqualTo(8);
    }

    @Test
    void search_emptyOrBlankQuery_givesNoHitsWithoutError() throws IOException {
        for (String query : List.of("", "   ", "\"\"", "()", "AND OR NOT", "- +")) {
            SearchResults results = index.search(query);

            assertThat(results.total()).as(query).isZero();
            assertThat(results.hits()).as(query).isEmpty();
        }
    }

    @Test
    void search_randomLenientAndWordsText_neverThrows() throws IOException {
        long seed = 20250301L;
        System.out.println("ArticleIndexSearchTest random seed: " + seed);
        java.util.Random random = new java.util.Random(seed);
        String[] pieces = {
            "budget",
            "plan",
            "the",
            "\"",
            "“",
            "”",
            "+",
            "-",
            ":",
            "title:",
            "source:",
            "author:",
            "foo:",
            "(",
            ")",
            "*",
            "?",
            "~",
            "^2",
            "\\",
            "AND",
            "OR",
            "NOT",
            " ",
            " ",
            "Adams’",
            "anti-war",
            "10:30",
            "\u00A0",
            "&",
            "<b>"
        };
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            index.search(text.toString());
            index.search(SearchRequest.of(text.toString()).syntax(Syntax.WORDS));
        }
    }

    @Test
    void search_strictSyntaxErrorTextInLenient_givesResults() throws IOException {
        assertThat(ids(index.search("budget AND (\""))).containsExactly("budget");
    }

    @Test
    void search_strictSyntaxError_throwsWithPosition() {
        QuerySyntaxException e = catchThrowableOfType(
                QuerySyntaxException.class,
                () -> index.search(SearchRequest.of("budget AND (\"").syntax(Syntax.LUCENE)));

        assertThat(e.position()).isEqualTo(13);
    }

    @Test
    void search_strictSyntax_supportsBooleanOperators() throws IOException {
        SearchRequest request =
                SearchRequest.of("officials AND NOT (script OR budget)").syntax(Syntax.LUCENE);

        assertThat(ids(index.search(request))).containsExactly("transit");
    }

    @Test
    void search_wordsSyntax_treatsOperatorsAsWords() throws IOException {
        SearchRequest request = SearchRequest.of("+housing -plan").syntax(Syntax.WORDS);

        assertThat(ids(index.search(request))).containsExactly("city/housing-plan", "transit");
    }

    /** "housing" followed by 599 words that match nothing: 1,200 clauses over title and body. */
    private static String longQuery() {
        StringBuilder q = new StringBuilder("housing");
        for (int i = 1; i < 600; i++) {
            q.append(" w").append(i);
        }
        return q.toString();
    }

    @Test
    void search_lenientQueryOf600Words_neverThrows() throws IOException {
        assertThat(ids(index.search(longQuery()))).containsExactly("city/housing-plan");
    }

    @Test
    void search_wordsSyntaxQueryOf600Words_neverThrows() throws IOException {
        assertThat(ids(index.search(SearchRequest.of(longQuery()).syntax(Syntax.WORDS))))
                .containsExactly("city/housing-plan");
    }

    @Test
    void search_strictQueryOverClauseLimit_throwsQuerySyntaxException() {
        assertThatThrownBy(() -> index.search(SearchRequest.of(longQuery()).syntax(Syntax.LUCENE)))
                .isInstanceOf(QuerySyntaxException.class);
    }

    @Test
    void search_limit_cutsThePageButNotTheTotal() throws IOException {
        SearchResults results = index.search(SearchRequest.of("-zzzz").size(2));

        assertThat(ids(results)).containsExactly("budget", "city/housing-plan");
        assertThat(results.total()).isEqualTo(8);
        assertThat(results.totalIsExact()).isTrue();
    }

    @Test
    void search_hit_carriesTheStoredArticle() throws IOException {
        Article article = index.search("\"housing plan\"").hits().get(0).article();

        assertThat(article.published().toString()).isEqualTo("2025-03-04");
        assertThat(article.source()).isEqualTo("Example News");
        assertThat(index.search("budget").hits().get(0).article().published().toString())
                .isEqualTo("2025-03-10T09:00:00-05:00");
    }
}
