package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Article;
import dev.lede.internal.schema.Schema;
import dev.lede.query.Highlight;
import dev.lede.query.Hit;
import dev.lede.query.RelatedArticle;
import dev.lede.query.ScoreExplanation;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.TitleSuggestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes built with fewer {@link IndexFeature}s: the same search, without the left-out fields, and
 * a clear failure for what needs them; the index keeps its features.
 */
class IndexFeaturesTest {
    private static final Set<String> WORD_FIELDS =
            Set.of(Schema.WORDS, Schema.TITLE_WORDS, Schema.TITLE_PREFIX, Schema.TITLE_LEAD);
    private static final Set<String> DUPLICATE_FIELDS = Set.of(Schema.DUP_FINGERPRINT, Schema.DUP_BAND);

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static Path full;
    private static Path lean;

    /** The shipped sample (the seed and 291 Wikinews articles), with every feature and with none. */
    @BeforeAll
    static void indexTheSample() throws IOException {
        full = shared.resolve("full");
        lean = shared.resolve("lean");
        try (ArticleIndex index = ArticleIndex.open(full)) {
            index.ingest(TestFiles.sampleArticles());
        }
        try (ArticleIndex index = ArticleIndex.open(lean, IndexConfig.defaults().features(Set.of()))) {
            index.ingest(TestFiles.sampleArticles());
        }
    }

    @Test
    void leanIndex_ranksScoresAndHighlightsAsTheFullOne() throws IOException {
        List<String> queries = List.of(
                "coronavirus",
                "election results",
                "\"prime minister\"",
                "+football -cricket",
                "title:earthquake",
                "vaccine OR vaccination",
                "wildfire* australia");
        try (ArticleIndex withAll = ArticleIndex.openReadOnly(full);
                ArticleIndex withNone = ArticleIndex.openReadOnly(lean)) {
            assertThat(withNone.count()).isEqualTo(withAll.count()).isEqualTo(292);
            for (String q : queries) {
                SearchRequest request = SearchRequest.of(q).size(20).highlight(Highlight.passages(2));
                SearchResults a = withAll.search(request);
                SearchResults b = withNone.search(request);

                assertThat(a.hits()).as(q).isNotEmpty();
                assertThat(b.total()).as(q).isEqualTo(a.total());
                assertThat(summaries(b)).as(q).containsExactlyElementsOf(summaries(a));
            }
        }
    }

    private static List<String> summaries(SearchResults results) {
        List<String> out = new ArrayList<>();
        for (Hit h : results.hits()) {
            out.add(h.id() + " " + h.score() + " " + h.title() + " " + h.snippets());
        }
        return out;
    }

    @Test
    void leanIndex_hasNoneOfTheFeatureFields_andIsSmaller() throws IOException {
        assertThat(fieldNames(full)).containsAll(WORD_FIELDS).containsAll(DUPLICATE_FIELDS);
        assertThat(fieldNames(lean))
                .contains(Schema.TITLE, Schema.BODY, Schema.ID, Schema.HASH)
                .doesNotContainAnyElementsOf(WORD_FIELDS)
                .doesNotContainAnyElementsOf(DUPLICATE_FIELDS);
        try (ArticleIndex withAll = ArticleIndex.openReadOnly(full);
                ArticleIndex withNone = ArticleIndex.openReadOnly(lean)) {
            // 0.70-0.77 of the full index's size here, with the segments the parallel ingest happens to
            // make (about half on large corpora, docs/bench).
            assertThat(withNone.stats().sizeBytes()).isLessThan(withAll.stats().sizeBytes() * 17 / 20);
        }
    }

    private static Set<String> fieldNames(Path folder) throws IOException {
        Set<String> names = new HashSet<>();
        try (Directory dir = FSDirectory.open(folder);
                DirectoryReader reader = DirectoryReader.open(dir)) {
            for (FieldInfo f : FieldInfos.getMergedFieldInfos(reader)) {
                names.add(f.name);
            }
        }
        return names;
    }

    @Test
    void features_areTheIndexs_notTheConfigOfALaterOpen() throws IOException {
        Path folder = tmp.resolve("index");
        Set<IndexFeature> spelling = EnumSet.of(IndexFeature.SPELLING);
        try (ArticleIndex index =
                ArticleIndex.open(folder, IndexConfig.defaults().features(spelling))) {
            assertThat(index.features()).containsExactly(IndexFeature.SPELLING);
            index.add(article("a", "Harbor reopens", "The harbor reopened on Monday."));
        }
        try (ArticleIndex index = ArticleIndex.open(folder)) {
            assertThat(index.features()).containsExactly(IndexFeature.SPELLING);
            assertThat(index.stats().features()).containsExactly(IndexFeature.SPELLING);
            index.add(article("b", "Harbor closes", "The harbor closed on Friday."));
        }
        try (ArticleIndex index = ArticleIndex.openReadOnly(folder)) {
            assertThat(index.features()).containsExactly(IndexFeature.SPELLING);
            assertThat(index.count()).isEqualTo(2);
        }
        assertThat(fieldNames(folder)).contains(Schema.WORDS).doesNotContain(Schema.TITLE_WORDS, Schema.DUP_BAND);
    }

    @Test
    void indexWithoutRecordedFeatures_hasThemAll() throws IOException {
        // An index built before features were recorded: its commits name the schema version only.
        Path folder = tmp.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(folder)) {
            index.add(article("a", "Harbor reopens", "The harbor reopened on Monday."));
        }
        commitData(folder, Map.of(Schema.VERSION_KEY, Integer.toString(Schema.ALL_FEATURES_VERSION)));

        try (ArticleIndex index =
                ArticleIndex.open(folder, IndexConfig.defaults().features(Set.of()))) {
            assertThat(index.features()).isEqualTo(EnumSet.allOf(IndexFeature.class));
            assertThat(index.suggest("harb", 5)).extracting(TitleSuggestion::id).containsExactly("a");
        }
    }

    @Test
    void indexWithAnUnknownFeature_isRefusedWithTheLabel() throws IOException {
        Path folder = tmp.resolve("index");
        try (ArticleIndex index = ArticleIndex.open(folder)) {
            index.add(article("a", "Harbor reopens", "The harbor reopened on Monday."));
        }
        commitData(
                folder,
                Map.of(Schema.VERSION_KEY, Integer.toString(Schema.VERSION), Schema.FEATURES_KEY, "spelling,vectors"));

        assertThatThrownBy(() -> ArticleIndex.openReadOnly(folder))
                .isInstanceOf(IncompatibleIndexException.class)
                .hasMessage(folder + " was built with index features 'spelling,vectors', which this Lede does not"
                        + " know (no index feature 'vectors'; the features are spelling,title-suggestions,duplicates):"
                        + " open it with the Lede that built it.");
    }

    private static void commitData(Path folder, Map<String, String> data) throws IOException {
        try (Directory dir = FSDirectory.open(folder);
                IndexWriter w = new IndexWriter(
                        dir,
                        new IndexWriterConfig(new Schema().analyzer())
                                .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }
    }

    @Test
    void withoutTitleSuggestions_suggestThrowsSayingHowToAddThem() throws IOException {
        try (ArticleIndex index = ArticleIndex.openReadOnly(lean)) {
            assertThatThrownBy(() -> index.suggest("cor", 5))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("index " + lean + " was built without title-suggestions"
                            + " (IndexFeature.TITLE_SUGGESTIONS), so it cannot suggest titles; its features: none."
                            + " Rebuild it with the feature to add it: ArticleIndex.rebuild(folder, features), or"
                            + " 'lede reindex --index " + lean + " --features ...'.");
        }
    }

    @Test
    void withoutDuplicates_collapseThrows_searchAndRelatedWork() throws IOException {
        try (ArticleIndex withAll = ArticleIndex.openReadOnly(full);
                ArticleIndex withNone = ArticleIndex.openReadOnly(lean)) {
            assertThatThrownBy(() ->
                            withNone.search(SearchRequest.of("coronavirus").collapse(true)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("was built without duplicates (IndexFeature.DUPLICATES), so it cannot"
                            + " collapse near-duplicates");
            assertThat(withNone.search(SearchRequest.of("coronavirus")).hits()).isNotEmpty();

            String id = withAll.search("coronavirus").hits().get(0).id();
            // Folding never changes a score: explain ignores collapse, on either index.
            SearchRequest collapsing = SearchRequest.of("coronavirus").collapse(true);
            ScoreExplanation lean = withNone.explain(collapsing, id).orElseThrow();
            assertThat(lean.toString())
                    .isEqualTo(withNone.explain(collapsing.collapse(false), id)
                            .orElseThrow()
                            .toString())
                    .contains("body");
            assertThat(lean.value())
                    .isEqualTo(withAll.explain(collapsing, id).orElseThrow().value())
                    .isPositive();
            assertThat(withNone.related(id, 5))
                    .extracting(RelatedArticle::id)
                    .hasSize(5)
                    .doesNotContain(id);
        }
    }

    @Test
    void relatedArticles_leaveOutCopiesOnlyWithDuplicates() throws IOException {
        Set<IndexFeature> noDuplicates = EnumSet.of(IndexFeature.SPELLING, IndexFeature.TITLE_SUGGESTIONS);
        try (ArticleIndex withAll = ArticleIndex.inMemory();
                ArticleIndex without =
                        ArticleIndex.inMemory(IndexConfig.defaults().features(noDuplicates))) {
            for (ArticleIndex index : List.of(withAll, without)) {
                index.add(article("wire", "Port workers strike", NearDuplicateCollapseTest.PORT));
                index.add(article(
                        "copy", "Dockers walk out", NearDuplicateCollapseTest.PORT.replace("Monday", "Tuesday")));
                index.add(article("strike", "Train drivers to strike", NearDuplicateCollapseTest.STRIKE));
                index.add(article("harbour", "Harbour wall", NearDuplicateCollapseTest.HARBOUR));
                index.commit();
            }

            assertThat(withAll.related("wire", 5))
                    .extracting(RelatedArticle::id)
                    .doesNotContain("copy");
            assertThat(without.related("wire", 5))
                    .extracting(RelatedArticle::id)
                    .startsWith("copy");
        }
    }

    @Test
    void spellingAlone_respellsAsTheFullIndex_andOthersDoNot() throws IOException {
        Set<IndexFeature> spelling = EnumSet.of(IndexFeature.SPELLING);
        Set<IndexFeature> others = EnumSet.of(IndexFeature.TITLE_SUGGESTIONS, IndexFeature.DUPLICATES);
        try (ArticleIndex withAll = ArticleIndex.inMemory();
                ArticleIndex withSpelling =
                        ArticleIndex.inMemory(IndexConfig.defaults().features(spelling));
                ArticleIndex withOthers =
                        ArticleIndex.inMemory(IndexConfig.defaults().features(others))) {
            for (ArticleIndex index : List.of(withAll, withSpelling, withOthers)) {
                index.add(article("a", "Sanctuary laws", "The mayor defended the sanctuary laws of the city."));
                index.add(article("b", "Council", "Sanctuary laws protect immigrants, the council said."));
                index.add(article("c", "Hearing", "Critics of sanctuary laws spoke at the hearing."));
                index.commit();
            }

            assertThat(withAll.search("sanctary").didYouMean()).contains("sanctuary");
            assertThat(withAll.search("mayyorr").didYouMean()).contains("mayor");
            assertThat(withSpelling.search("sanctary").didYouMean()).contains("sanctuary");
            assertThat(withSpelling.search("mayyorr").didYouMean()).contains("mayor");
            // Title words are in the spelling vocabulary too ("Council" is a title and a body word; "Hearing" too).
            assertThat(withSpelling.search("hearring").didYouMean()).contains("hearing");
            assertThat(withOthers.search("sanctary").didYouMean()).isEmpty();
            assertThat(withOthers.search("mayyorr").didYouMean()).isEmpty();
        }
    }

    @Test
    void titleSuggestionsAlone_suggestAsTheFullIndex() throws IOException {
        Set<IndexFeature> titles = EnumSet.of(IndexFeature.TITLE_SUGGESTIONS);
        try (ArticleIndex withAll = ArticleIndex.inMemory();
                ArticleIndex withTitles =
                        ArticleIndex.inMemory(IndexConfig.defaults().features(titles))) {
            for (ArticleIndex index : List.of(withAll, withTitles)) {
                index.ingest(TestFiles.sampleArticles());
            }
            for (String typed : List.of("cor", "new york", "prime min", "e", "Trump ", "élection")) {
                assertThat(texts(withTitles.suggest(typed, 10)))
                        .as(typed)
                        .containsExactlyElementsOf(texts(withAll.suggest(typed, 10)));
            }
            assertThat(withAll.suggest("e", 10)).hasSize(10);
            assertThat(withAll.suggest("cor", 10)).isNotEmpty();
            assertThat(withTitles.search("coronavirs").didYouMean()).isEmpty();
            assertThat(withAll.search("coronavirs").didYouMean()).contains("coronavirus");
        }
    }

    private static List<String> texts(List<TitleSuggestion> suggestions) {
        return suggestions.stream().map(s -> s.id() + " " + s.title().html()).toList();
    }

    @Test
    void rebuild_keepsTheFeatures_orChangesThemWhenGiven() throws IOException {
        Path folder = tmp.resolve("index");
        try (ArticleIndex index =
                ArticleIndex.open(folder, IndexConfig.defaults().features(Set.of()))) {
            index.add(article("a", "Harbor reopens", "The harbor reopened on Monday."));
            index.add(article("b", "Harbour closes", "The harbor closed on Friday."));
        }

        ArticleIndex.rebuild(folder);
        try (ArticleIndex index = ArticleIndex.openReadOnly(folder)) {
            assertThat(index.features()).isEmpty();
            assertThat(index.count()).isEqualTo(2);
        }

        assertThat(ArticleIndex.rebuild(folder, IndexFeature.all()).articles()).isEqualTo(2);
        try (ArticleIndex index = ArticleIndex.openReadOnly(folder)) {
            assertThat(index.features()).isEqualTo(EnumSet.allOf(IndexFeature.class));
            assertThat(index.suggest("harb", 5)).extracting(TitleSuggestion::id).containsExactly("a", "b");
            assertThat(index.search("harbr").didYouMean()).contains("harbor");
            assertThat(index.search(SearchRequest.of("harbor").collapse(true)).hits())
                    .hasSize(2);
        }
        assertThat(fieldNames(folder)).containsAll(WORD_FIELDS).containsAll(DUPLICATE_FIELDS);

        ArticleIndex.rebuild(folder, Set.of(IndexFeature.DUPLICATES));
        assertThat(fieldNames(folder)).containsAll(DUPLICATE_FIELDS).doesNotContainAnyElementsOf(WORD_FIELDS);
    }

    @Test
    void parse_readsLabelsAllAndNone_andNamesAWrongOne() {
        assertThat(IndexFeature.parse("all")).isEqualTo(EnumSet.allOf(IndexFeature.class));
        assertThat(IndexFeature.parse(" NONE ")).isEmpty();
        assertThat(IndexFeature.parse("duplicates, Spelling"))
                .containsExactly(IndexFeature.SPELLING, IndexFeature.DUPLICATES);
        assertThat(IndexFeature.parse("title-suggestions")).containsExactly(IndexFeature.TITLE_SUGGESTIONS);
        assertThat(IndexFeature.labels(EnumSet.of(IndexFeature.DUPLICATES, IndexFeature.SPELLING)))
                .isEqualTo("spelling,duplicates");
        assertThat(IndexFeature.labels(Set.of())).isEqualTo("none");

        assertThatThrownBy(() -> IndexFeature.parse("spelling,titles"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no index feature 'titles'; the features are spelling,title-suggestions,duplicates");
        assertThatThrownBy(() -> IndexFeature.parse("spelling,,duplicates"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty feature in 'spelling,,duplicates': give labels separated by commas"
                        + " (spelling,title-suggestions,duplicates), all or none");
        assertThatThrownBy(() -> IndexFeature.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("empty feature in ''");
        assertThatThrownBy(() -> IndexFeature.parse("none,spelling"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'none' stands alone, not in a list ('none,spelling'): give all, none, or labels"
                        + " separated by commas (spelling,title-suggestions,duplicates)");
    }

    @Test
    void commits_recordVersionTwoWithEveryFeature_andThreeWithoutSome() throws IOException {
        // A Lede from before features reads and writes version 2 only, so it refuses a lean index
        // instead of adding articles to it and dropping the record of its features.
        assertThat(userData(full))
                .containsEntry(Schema.VERSION_KEY, "2")
                .containsEntry(Schema.FEATURES_KEY, "spelling,title-suggestions,duplicates");
        assertThat(userData(lean)).containsEntry(Schema.VERSION_KEY, "3").containsEntry(Schema.FEATURES_KEY, "none");
        try (ArticleIndex withAll = ArticleIndex.openReadOnly(full);
                ArticleIndex withNone = ArticleIndex.openReadOnly(lean)) {
            assertThat(withAll.stats().schemaVersion()).isEqualTo(2);
            assertThat(withNone.stats().schemaVersion()).isEqualTo(3);
        }

        Path folder = tmp.resolve("index");
        try (ArticleIndex index =
                ArticleIndex.open(folder, IndexConfig.defaults().features(Set.of()))) {
            index.add(article("a", "Harbor reopens", "The harbor reopened on Monday."));
        }
        ArticleIndex.rebuild(folder, IndexFeature.all());
        assertThat(userData(folder)).containsEntry(Schema.VERSION_KEY, "2");
    }

    private static Map<String, String> userData(Path folder) throws IOException {
        try (Directory dir = FSDirectory.open(folder)) {
            return SegmentInfos.readLatestCommit(dir).getUserData();
        }
    }

    @Test
    void features_areReadOnceTheWriterHoldsTheLock() throws IOException {
        // Another process creates a lean index in the folder after this open has looked and found
        // none, before it takes the write lock: the open gets the index's features, not its config's.
        Path folder = tmp.resolve("index");
        Files.createDirectories(folder);
        boolean[] raced = {false};
        Directory dir = new FilterDirectory(FSDirectory.open(folder)) {
            @Override
            public Lock obtainLock(String name) throws IOException {
                if (!raced[0]) {
                    raced[0] = true;
                    try (ArticleIndex other =
                            ArticleIndex.open(folder, IndexConfig.defaults().features(Set.of()))) {
                        other.add(article("lean", "Harbor reopens", "The harbor reopened on Monday."));
                    }
                }
                return super.obtainLock(name);
            }
        };
        try (ArticleIndex index = ArticleIndex.open(dir, folder.toString(), IndexConfig.defaults())) {
            assertThat(raced[0]).isTrue();
            assertThat(index.features()).isEmpty();
            index.add(article("later", "Harbor closes", "The harbor closed on Friday."));
        }
        assertThat(userData(folder)).containsEntry(Schema.FEATURES_KEY, "none");
        try (ArticleIndex index = ArticleIndex.openReadOnly(folder)) {
            assertThat(index.features()).isEmpty();
            assertThat(index.count()).isEqualTo(2);
        }
    }

    @Test
    void inMemoryIndexWithoutAFeature_saysToCreateItWithTheFeature() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory(IndexConfig.defaults().features(Set.of()))) {
            assertThatThrownBy(() -> index.suggest("har", 5))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("index memory was built without title-suggestions (IndexFeature.TITLE_SUGGESTIONS),"
                            + " so it cannot suggest titles; its features: none. Create the in-memory index with"
                            + " it: ArticleIndex.inMemory(IndexConfig.defaults().features(...)).");
        }
    }

    @Test
    void config_copiesTheFeatures_andRefusesNull() {
        Set<IndexFeature> given = EnumSet.of(IndexFeature.SPELLING);
        IndexConfig config = IndexConfig.defaults().features(given);
        given.add(IndexFeature.DUPLICATES);

        assertThat(config.features()).containsExactly(IndexFeature.SPELLING);
        assertThat(IndexConfig.defaults().features()).isEqualTo(EnumSet.allOf(IndexFeature.class));
        assertThatThrownBy(() -> config.features().add(IndexFeature.DUPLICATES))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> IndexConfig.defaults().features(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("features");
        Set<IndexFeature> withNull = new HashSet<>();
        withNull.add(null);
        assertThatThrownBy(() -> IndexConfig.defaults().features(withNull))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("a feature in features");
    }

    private static Article article(String id, String title, String body) {
        return Article.builder(id).title(title).body(body).build();
    }
}
