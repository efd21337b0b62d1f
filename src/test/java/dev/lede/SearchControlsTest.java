package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.query.Hit;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.SortOrder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters, sorts, paging and cursors on a corpus whose every expected order is known exactly. */
class SearchControlsTest {
    private ArticleIndex index;

    @BeforeEach
    void corpus() throws IOException {
        index = ArticleIndex.inMemory(IndexConfig.defaults().refreshInterval(Duration.ZERO));
        index.addAll(List.of(
                article("a1", "Budget vote", "The council approved the budget.", "Daily", "2024-01-10")
                        .authors("Ann Lee")
                        .topics("politics")
                        .extra("section", "city")
                        .build(),
                article("a2", "Budget delay", "The budget vote was delayed.", "Weekly", "2024-01-20")
                        .authors("Bo Chen")
                        .topics("politics", "Economy")
                        .build(),
                article("a3", "Budget talks", "Budget talks continue.", "Daily", "2024-02-01T09:00:00-05:00")
                        .topics("economy")
                        .extra("section", "national")
                        .build(),
                article("a4", "Budget", "Budget figures.", "Herald", null).build(),
                // Three identical articles: equal scores, so only the id orders them.
                article("t2", "Harbor opening", "The harbor opens.", "Daily", "2024-03-01")
                        .build(),
                article("t1", "Harbor opening", "The harbor opens.", "Daily", "2024-03-01")
                        .build(),
                article("t3", "Harbor opening", "The harbor opens.", "Daily", "2024-03-01")
                        .build()));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private static Article.Builder article(String id, String title, String body, String source, String published) {
        return Article.builder(id)
                .title(title)
                .body(body)
                .source(source)
                .published(published == null ? null : Published.parse(published));
    }

    private List<String> ids(SearchRequest request) throws IOException {
        return index.search(request).hits().stream().map(Hit::id).toList();
    }

    @Test
    void relevance_equalScores_areOrderedById() throws IOException {
        SearchResults results = index.search(SearchRequest.of("harbor"));

        assertThat(results.hits()).extracting(Hit::id).containsExactly("t1", "t2", "t3");
        assertThat(results.hits().get(0).score())
                .isEqualTo(results.hits().get(2).score());
    }

    @Test
    void newest_sortsByPublicationWithUndatedLast() throws IOException {
        assertThat(ids(SearchRequest.of("budget").sort(SortOrder.NEWEST))).containsExactly("a3", "a2", "a1", "a4");
    }

    @Test
    void oldest_sortsByPublicationWithUndatedLast() throws IOException {
        assertThat(ids(SearchRequest.of("budget").sort(SortOrder.OLDEST))).containsExactly("a1", "a2", "a3", "a4");
    }

    @Test
    void dateSort_tiesAreOrderedById() throws IOException {
        assertThat(ids(SearchRequest.of("harbor").sort(SortOrder.NEWEST))).containsExactly("t1", "t2", "t3");
        assertThat(ids(SearchRequest.of("harbor").sort(SortOrder.OLDEST))).containsExactly("t1", "t2", "t3");
    }

    @Test
    void aPagePastTheLastHit_isEmpty_withTheTotal() throws IOException {
        SearchResults r = index.search(SearchRequest.of("budget").page(3, 10));

        assertThat(r.hits()).isEmpty();
        assertThat(r.total()).isEqualTo(4);
        assertThat(r.next()).isEmpty();
    }

    @Test
    void relevanceTies_inEveryKindOfQuery_everyPageIsTheSliceOfTheWholeRanking() throws IOException {
        // Short bodies from six words, so that many articles score alike for every kind of query;
        // written in random order over several segments.
        String[] vocabulary = {"ferry", "harbour", "strike", "port", "union", "cargo"};
        Random random = new Random(11);
        try (ArticleIndex ties = ArticleIndex.inMemory(IndexConfig.defaults().refreshInterval(Duration.ZERO))) {
            for (int i = 0; i < 300; i++) {
                StringBuilder body = new StringBuilder();
                for (int w = 2 + random.nextInt(4); w > 0; w--) {
                    body.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
                }
                ties.add(Article.builder(String.format("r%03d", random.nextInt(1000)) + "-" + i)
                        .title(i % 7 == 0 ? "Port news" : "News")
                        .body(body.toString().strip())
                        .build());
                if (i % 60 == 59) {
                    ties.commit();
                }
            }
            ties.refresh();
            for (String query :
                    List.of("ferry", "ferry harbour", "ferry OR strike", "\"port union\"", "cargo -ferry")) {
                List<Hit> whole = ties.search(SearchRequest.of(query).size(300)).hits();
                assertThat(whole).as(query).hasSizeGreaterThan(12);
                for (int i = 1; i < whole.size(); i++) {
                    Hit a = whole.get(i - 1);
                    Hit b = whole.get(i);
                    assertThat(a.score() > b.score() || (a.score() == b.score() && a.id().compareTo(b.id()) < 0))
                            .as("%s: %s before %s", query, a.id(), b.id())
                            .isTrue();
                }
                List<String> wholeIds = whole.stream().map(Hit::id).toList();
                for (int size : new int[] {1, 4, 10}) {
                    for (int page = 1; page <= 6; page++) {
                        int from = (page - 1) * size;
                        List<String> ids = ties.search(SearchRequest.of(query).page(page, size)).hits().stream()
                                .map(Hit::id)
                                .toList();
                        assertThat(ids)
                                .as("%s, page %d of %d", query, page, size)
                                .isEqualTo(wholeIds.subList(
                                        Math.min(from, wholeIds.size()), Math.min(from + size, wholeIds.size())));
                    }
                }
            }
        }
    }

    @Test
    void relevanceTies_acrossSegmentsAndPageEdges_areOrderedByIdOnEveryPage() throws IOException {
        try (ArticleIndex ties = ArticleIndex.inMemory(IndexConfig.defaults().refreshInterval(Duration.ZERO))) {
            // Groups of equal scores, written in a shuffled order over several segments, so that
            // index order and id order differ: "ferry" once, twice or three times in the body.
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                ids.add(String.format("f%02d", i));
            }
            Collections.shuffle(ids, new Random(7));
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                int n = 1 + Integer.parseInt(id.substring(1)) % 3;
                ties.add(Article.builder(id)
                        .title("Harbour news")
                        .body(("ferry ".repeat(n) + "service resumes").strip())
                        .build());
                if (i % 5 == 4) {
                    ties.commit(); // a new segment
                }
            }
            ties.refresh();
            List<String> expected = new ArrayList<>();
            for (int n = 3; n >= 1; n--) {
                for (int i = 0; i < 24; i++) {
                    if (1 + i % 3 == n) {
                        expected.add(String.format("f%02d", i));
                    }
                }
            }
            for (int size : new int[] {1, 3, 5, 7, 8, 24}) {
                List<String> byPage = new ArrayList<>();
                for (int page = 1; byPage.size() < 24; page++) {
                    List<Hit> hits = ties.search(SearchRequest.of("ferry").page(page, size))
                            .hits();
                    assertThat(hits).as("page %d of size %d", page, size).isNotEmpty();
                    hits.forEach(h -> byPage.add(h.id()));
                }
                assertThat(byPage).as("pages of %d", size).isEqualTo(expected);
                List<String> byCursor = new ArrayList<>();
                SearchResults r = ties.search(SearchRequest.of("ferry").size(size));
                while (true) {
                    r.hits().forEach(h -> byCursor.add(h.id()));
                    if (r.next().isEmpty()) {
                        break;
                    }
                    r = ties.search(
                            SearchRequest.of("ferry").size(size).after(r.next().get()));
                }
                assertThat(byCursor).as("cursor pages of %d", size).isEqualTo(expected);
            }
        }
    }

    @Test
    void sourceFilter_keepsScoresAndOrder() throws IOException {
        SearchResults all = index.search(SearchRequest.of("budget vote"));
        SearchResults daily = index.search(SearchRequest.of("budget vote").source("daily"));

        assertThat(daily.hits()).extracting(Hit::id).containsExactly("a1", "a3");
        assertThat(daily.hits().get(0).score())
                .isEqualTo(all.hits().stream()
                        .filter(h -> h.id().equals("a1"))
                        .findFirst()
                        .orElseThrow()
                        .score());
    }

    @Test
    void severalValuesOfOneField_matchAny_andFieldsMustAllMatch() throws IOException {
        assertThat(ids(SearchRequest.of("budget").source("Daily", "WEEKLY").sort(SortOrder.OLDEST)))
                .containsExactly("a1", "a2", "a3");
        assertThat(ids(SearchRequest.of("budget")
                        .source("Daily", "Weekly")
                        .topic("economy")
                        .sort(SortOrder.OLDEST)))
                .containsExactly("a2", "a3");
    }

    @Test
    void authorTopicAndExtraFilters_matchWholeValuesIgnoringCase() throws IOException {
        assertThat(ids(SearchRequest.of("budget").author("bo chen"))).containsExactly("a2");
        assertThat(ids(SearchRequest.of("budget").author("Chen"))).isEmpty();
        assertThat(ids(SearchRequest.of("budget").topic("ECONOMY").sort(SortOrder.OLDEST)))
                .containsExactly("a2", "a3");
        assertThat(ids(SearchRequest.of("budget").extra("section", "city"))).containsExactly("a1");
    }

    @Test
    void publishedRange_isInclusiveOnBothDays_andLeavesUndatedOut() throws IOException {
        SearchRequest budget = SearchRequest.of("budget").sort(SortOrder.OLDEST);

        assertThat(ids(budget.publishedBetween(LocalDate.parse("2024-01-20"), LocalDate.parse("2024-02-01"))))
                .containsExactly("a2", "a3");
        assertThat(ids(budget.until(LocalDate.parse("2024-01-31")))).containsExactly("a1", "a2");
        assertThat(ids(budget.since(Instant.parse("2024-02-01T14:00:00Z")))).containsExactly("a3");
        assertThat(ids(budget.since(Instant.parse("2024-02-01T14:00:00.001Z")))).isEmpty();
    }

    @Test
    void emptyQueryWithFilters_listsTheFilteredArticlesNewestFirst() throws IOException {
        SearchResults results = index.search(SearchRequest.of("").source("Daily"));

        assertThat(results.hits()).extracting(Hit::id).containsExactly("t1", "t2", "t3", "a3", "a1");
        assertThat(results.hits().get(0).score()).isNaN();
        assertThat(index.search(SearchRequest.of("")).hits()).isEmpty();
    }

    @Test
    void pages_splitTheOrderAndEndWithAnEmptyPage() throws IOException {
        SearchRequest newest = SearchRequest.of("budget").sort(SortOrder.NEWEST);

        SearchResults first = index.search(newest.page(1, 2));
        SearchResults second = index.search(newest.page(2, 2));
        SearchResults third = index.search(newest.page(3, 2));

        assertThat(first.hits()).extracting(Hit::id).containsExactly("a3", "a2");
        assertThat(first.nextCursor()).isNotNull();
        assertThat(second.hits()).extracting(Hit::id).containsExactly("a1", "a4");
        assertThat(second.nextCursor()).isNull();
        assertThat(third.hits()).isEmpty();
        assertThat(third.total()).isEqualTo(4);
        assertThat(third.nextCursor()).isNull();
    }

    @Test
    void cursor_walksEveryHitOnceInOrder() throws IOException {
        List<String> seen = new ArrayList<>();
        SearchRequest request =
                SearchRequest.of("budget harbor").sort(SortOrder.OLDEST).size(2);
        SearchResults page = index.search(request);
        seen.addAll(page.hits().stream().map(Hit::id).toList());
        while (page.nextCursor() != null) {
            page = index.search(request.after(page.nextCursor()));
            seen.addAll(page.hits().stream().map(Hit::id).toList());
        }

        assertThat(seen).containsExactly("a1", "a2", "a3", "t1", "t2", "t3", "a4");
    }

    @Test
    void cursor_staysValidAfterARefreshThatAddedArticles() throws IOException {
        SearchRequest newest = SearchRequest.of("budget").sort(SortOrder.NEWEST).size(2);
        SearchResults first = index.search(newest);
        assertThat(first.hits()).extracting(Hit::id).containsExactly("a3", "a2");

        index.add(article("a5", "Budget hearing", "A budget hearing.", "Daily", "2024-01-15")
                .build()); // falls after the cursor
        index.add(article("a0", "Budget preview", "A budget preview.", "Daily", "2024-03-09")
                .build()); // falls before it
        index.refresh();
        SearchResults next = index.search(newest.after(first.nextCursor()));

        assertThat(next.hits()).extracting(Hit::id).containsExactly("a5", "a1");
        assertThat(index.search(newest.after(next.nextCursor())).hits())
                .extracting(Hit::id)
                .containsExactly("a4");
    }

    @Test
    void relevanceCursor_continuesAfterTheLastHit() throws IOException {
        SearchRequest request = SearchRequest.of("harbor").size(1);
        SearchResults first = index.search(request);
        SearchResults second = index.search(request.after(first.nextCursor()));

        assertThat(first.hits()).extracting(Hit::id).containsExactly("t1");
        assertThat(second.hits()).extracting(Hit::id).containsExactly("t2");
    }

    @Test
    void badCursors_failNamingTheProblem() throws IOException {
        String newestCursor = index.search(
                        SearchRequest.of("budget").sort(SortOrder.NEWEST).size(1))
                .nextCursor();

        assertThatThrownBy(() -> index.search(SearchRequest.of("budget").after("not-a-cursor")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'not-a-cursor' is not a cursor from a previous page's nextCursor");
        assertThatThrownBy(() -> index.search(
                        SearchRequest.of("budget").sort(SortOrder.OLDEST).after(newestCursor)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the cursor was made for sort order NEWEST, not OLDEST");
    }

    @Test
    void totals_stopCountingAtOneThousandUnlessExactIsAsked() throws IOException {
        List<Article> filler = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            filler.add(Article.builder("f" + i).title("Filler " + i).build());
        }
        index.addAll(filler);

        SearchResults counted = index.search(SearchRequest.of("filler"));
        SearchResults exact = index.search(SearchRequest.of("filler").exactTotal(true));

        // A lower bound: Lucene stops exact counting at the threshold (it may have counted more).
        assertThat(counted.totalIsExact()).isFalse();
        assertThat(counted.total()).isBetween(1_000L, 1_500L);
        assertThat(exact.totalIsExact()).isTrue();
        assertThat(exact.total()).isEqualTo(1_500);
        assertThat(exact.hits()).extracting(Hit::id).startsWith("f0", "f1", "f10", "f100");
    }
}
