package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Article;
import dev.lede.query.Collapse;
import dev.lede.query.Duplicate;
import dev.lede.query.Hit;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.SortOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Near-duplicate collapse, end to end: one wire story run by several outlets, beside other stories. */
class NearDuplicateCollapseTest {
    static final String PORT = "Dock workers at the northern port walked off the job on Monday after talks over pay and"
            + " night shifts broke down late on Sunday evening.\n\n"
            + "The union said about two thousand members would stay out until the port authority returned to the"
            + " table with a better offer on overtime and safety equipment for the container cranes.\n\n"
            + "Shipping companies warned that dozens of vessels could be diverted to other harbours within days,"
            + " and retailers said shelves could run short of fresh fruit before the weekend.";
    static final String STRIKE = "Train drivers across the region will strike for two days next week, their union"
            + " announced, after a ballot in which most members backed action over pensions and rosters.\n\n"
            + "Commuters were told to expect no services on the main lines, and freight to the port will be"
            + " held in sidings until the drivers return to work on Thursday morning.\n\n"
            + "The rail operator called the strike unnecessary and said its latest offer was fair and final.";
    static final String HARBOUR = "The old harbour wall near the port will be rebuilt with stone from the original"
            + " quarry, the heritage board decided after a long public consultation that drew many letters.";

    private static ArticleIndex index;

    // Ids by story, for checking which hits are copies of which.
    private static final Map<String, String> STORY = new LinkedHashMap<>();

    @BeforeAll
    static void indexCopies() throws IOException {
        index = ArticleIndex.inMemory();
        add("port-wire", "port", "Port workers strike over pay", PORT, "Wire", "https://wire.example/port");
        add(
                "port-daily",
                "port",
                "Breaking: dockers walk out",
                "You can view this story on their website by CLICKING HERE.\n\n" + PORT
                        + "\n\nSign up for our newsletter to get the top stories in your inbox.",
                "Daily",
                "https://daily.example/dockers");
        add(
                "port-herald",
                "port",
                "Port strike: shelves may empty",
                PORT.replace("two thousand", "2,000")
                        .replace("dozens of", "many")
                        .replace("Sunday", "Saturday"),
                "Herald",
                null);
        add("port-copy", "port", "PORT STRIKE", PORT.toUpperCase(java.util.Locale.ROOT), "Copycat", null);
        add("strike-wire", "strike", "Train drivers to strike", STRIKE, "Wire", null);
        add(
                "strike-gazette",
                "strike",
                "Rail strike next week",
                STRIKE.replace("fair and final", "final"),
                "Gazette",
                null);
        add("harbour", "harbour", "Harbour wall to be rebuilt", HARBOUR, "Local", null);
        index.commit();
    }

    private static void add(String id, String story, String title, String body, String source, String url)
            throws IOException {
        STORY.put(id, story);
        index.add(Article.builder(id)
                .title(title)
                .body(body)
                .source(source)
                .url(url)
                .build());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void collapseOff_isTheDefault_everyCopyIsAHit() throws IOException {
        SearchResults results = index.search(SearchRequest.of("port"));

        assertThat(ids(results)).hasSize(7);
        assertThat(results.hits()).allSatisfy(h -> assertThat(h.duplicates()).isEmpty());
    }

    @Test
    void collapse_keepsTheBestRankedCopyOfEachStory_andListsTheOthers() throws IOException {
        List<String> ranked = ids(index.search(SearchRequest.of("port")));
        SearchResults results = index.search(SearchRequest.of("port").collapse(true));

        assertThat(ids(results)).containsExactlyElementsOf(firstOfEachStory(ranked));
        assertThat(results.total()).isEqualTo(7); // articles, not stories
        for (Hit hit : results.hits()) {
            List<String> others = new ArrayList<>(STORY.keySet());
            others.removeIf(id -> id.equals(hit.id()) || !STORY.get(id).equals(STORY.get(hit.id())));
            assertThat(hit.duplicates()).extracting(Duplicate::id).containsExactlyInAnyOrderElementsOf(others);
        }
    }

    @Test
    void duplicates_carrySourceUrlAndSimilarity_mostSimilarFirst() throws IOException {
        Hit port = index.search(SearchRequest.of("port dockers").collapse(true)).hits().stream()
                .filter(h -> STORY.get(h.id()).equals("port"))
                .findFirst()
                .orElseThrow();

        List<Duplicate> d = port.duplicates();
        assertThat(d).hasSize(3);
        for (int i = 1; i < d.size(); i++) {
            assertThat(d.get(i - 1).similarity())
                    .isGreaterThanOrEqualTo(d.get(i).similarity());
        }
        for (Duplicate x : d) {
            Article a = index.get(x.id()).orElseThrow();
            assertThat(x.source()).isEqualTo(a.source());
            assertThat(x.url()).isEqualTo(a.url());
        }
        assertThat(d).allSatisfy(x -> assertThat(x.similarity()).isBetween(Collapse.DEFAULT_THRESHOLD, 1.0));
    }

    @Test
    void exactThreshold_foldsOnlyCopiesWithTheSameWords() throws IOException {
        SearchResults results = index.search(SearchRequest.of("port").collapse(Collapse.atSimilarity(1.0)));

        // port-wire and port-copy differ only in case; every other article stands alone.
        assertThat(ids(results)).hasSize(6);
        Hit folded = results.hits().stream()
                .filter(h -> h.id().equals("port-wire") || h.id().equals("port-copy"))
                .findFirst()
                .orElseThrow();
        assertThat(folded.duplicates()).extracting(Duplicate::similarity).containsExactly(1.0);
    }

    @Test
    void paging_neverShowsAFoldedCopyAgain() throws IOException {
        List<String> all = ids(index.search(SearchRequest.of("port").collapse(true)));

        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            SearchResults r =
                    index.search(SearchRequest.of("port").collapse(true).page(page, 1));
            paged.addAll(ids(r));
            // Page 3 holds the last story; its window did not reach the last copy, so it still offers
            // a next page, which comes back empty (as SearchRequest.collapse documents).
            assertThat(r.nextCursor() != null).as("page " + page).isEqualTo(page < 4);
        }
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void cursorPaging_neverShowsAFoldedCopyAgain() throws IOException {
        for (SortOrder order : SortOrder.values()) {
            SearchRequest request = SearchRequest.of("port").sort(order).collapse(true);
            List<String> all = ids(index.search(request));

            List<String> paged = new ArrayList<>();
            SearchResults r = index.search(request.size(1));
            paged.addAll(ids(r));
            while (r.nextCursor() != null) {
                r = index.search(request.size(1).after(r.nextCursor()));
                paged.addAll(ids(r));
            }
            assertThat(paged).as(order.toString()).containsExactlyElementsOf(all);
            assertThat(all).as(order.toString()).hasSize(3);
        }
    }

    @Test
    void collapseThreshold_outOfRange_throwsNamingTheValue() {
        assertThatThrownBy(() -> Collapse.atSimilarity(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("collapse threshold must be above 0 and at most 1, not 0.0");
        assertThatThrownBy(() -> Collapse.atSimilarity(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("collapse threshold must be above 0 and at most 1, not 1.5");
    }

    private static List<String> firstOfEachStory(List<String> ranked) {
        Map<String, String> first = new LinkedHashMap<>();
        ranked.forEach(id -> first.putIfAbsent(STORY.get(id), id));
        return List.copyOf(first.values());
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(Hit::id).toList();
    }
}
