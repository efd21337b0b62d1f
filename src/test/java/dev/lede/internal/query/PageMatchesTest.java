package dev.lede.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.ArticleIndex;
import dev.lede.IndexConfig;
import dev.lede.ingest.IngestOptions;
import dev.lede.internal.schema.Schema;
import dev.lede.query.Highlight;
import dev.lede.query.Hit;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.Snippet;
import dev.lede.query.Syntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Snippets from one weight per page, each hit's matches found once for title and body ({@code
 * PageMatches}), are the snippets of Lucene's own per-hit strategy, on the shipped Wikinews
 * articles, over several segments, for every kind of query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageMatchesTest {
    private static final Path ARTICLES = Path.of("index-data/articles");

    private final Schema schema = new Schema();
    private FSDirectory dir;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @BeforeAll
    void index(@TempDir Path folder) throws IOException {
        try (ArticleIndex index = ArticleIndex.open(folder, IndexConfig.defaults())) {
            index.ingest(
                    ARTICLES.resolve("wikinews.jsonl"), IngestOptions.defaults().threads(2));
            index.ingest(ARTICLES.resolve("adams-sanctuary-laws.txt"));
        }
        dir = FSDirectory.open(folder);
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(schema.similarity());
    }

    @AfterAll
    void close() throws IOException {
        reader.close();
        dir.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "election",
                "prime minister",
                "\"prime minister\"",
                "police arrested protesters",
                "+court +ruled",
                "sanctuary laws",
                "strict:elect*",
                "strict:goverment~",
                "strict:title:election OR body:vote*",
                "strict:\"climate change\"~3",
                "strict:(fire OR flood) AND NOT police",
                "strict:/vot(e|ing|ers)/",
                "strict:title:(earthquake OR storm)^3 AND dead"
            })
    void pageMatches_giveTheSnippetsOfLucenesPerHitStrategy(String query) throws IOException {
        for (Highlight options :
                List.of(Highlight.defaults(), Highlight.passages(3).chars(80))) {
            SearchRequest request = request(query).size(20).highlight(options);
            SearchResults perPage =
                    new ArticleSearcher(schema, new ArticleHighlighter(schema, true)).search(searcher, request, null);
            SearchResults perHit =
                    new ArticleSearcher(schema, new ArticleHighlighter(schema, false)).search(searcher, request, null);

            assertThat(perPage.hits()).isNotEmpty();
            assertThat(snippets(perPage)).isEqualTo(snippets(perHit));
            assertThat(marks(perPage)).as("marks in the snippets of " + query).isPositive();
        }
    }

    @Test
    void aPageOfSeveralChunks_getsTheSnippetsOfLucenesPerHitStrategy() throws IOException {
        // Highlighted 32 hits at a time, each chunk's matches dropped before the next.
        SearchRequest request = request("said OR government").size(150);
        SearchResults perPage =
                new ArticleSearcher(schema, new ArticleHighlighter(schema, true)).search(searcher, request, null);
        SearchResults perHit =
                new ArticleSearcher(schema, new ArticleHighlighter(schema, false)).search(searcher, request, null);

        assertThat(perPage.hits()).hasSize(150);
        assertThat(snippets(perPage)).isEqualTo(snippets(perHit));
        assertThat(perPage.hits())
                .allSatisfy(hit ->
                        assertThat(hit.snippets().get(0).marks()).as(hit.id()).isNotEmpty());
    }

    @Test
    void theIndex_hasSeveralSegments() {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
    }

    private static SearchRequest request(String query) {
        return query.startsWith("strict:")
                ? SearchRequest.of(query.substring("strict:".length())).syntax(Syntax.LUCENE)
                : SearchRequest.of(query);
    }

    /** Each hit's id, title snippet and body snippets, as HTML with their marks. */
    private static List<String> snippets(SearchResults results) {
        List<String> out = new ArrayList<>();
        for (Hit hit : results.hits()) {
            out.add(hit.id() + " | " + hit.title().html());
            for (Snippet s : hit.snippets()) {
                out.add(hit.id() + " : " + s.html());
            }
        }
        return out;
    }

    private static int marks(SearchResults results) {
        int marks = 0;
        for (Hit hit : results.hits()) {
            marks += hit.title().marks().size();
            for (Snippet s : hit.snippets()) {
                marks += s.marks().size();
            }
        }
        return marks;
    }
}
