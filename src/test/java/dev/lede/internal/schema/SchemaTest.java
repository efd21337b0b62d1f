package dev.lede.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.ArticleIndex;
import dev.lede.IndexFeature;
import dev.lede.TestFiles;
import dev.lede.article.Article;
import dev.lede.query.Hit;
import dev.lede.query.SearchResults;
import dev.lede.query.Snippet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaTest {
    private static final String SEED_ID = "adams-sanctuary-laws.txt";
    private static final Schema SCHEMA = new Schema();
    private static ArticleIndex index;

    @BeforeAll
    static void indexSeedAndKeywordArticles() throws IOException {
        index = ArticleIndex.inMemory();
        index.ingest(TestFiles.seed());
        index.add(Article.builder("wn-1")
                .title("Storm hits coast")
                .body("A storm hit the coast.")
                .source("Wikinews")
                .build());
        index.add(Article.builder("ex-1")
                .title("Council meets")
                .body("The council met.")
                .source("Example  News")
                .authors("Jane Doe")
                .topics("Local Politics")
                .build());
        index.commit();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static List<String> tokens(String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = SCHEMA.analyzer().tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    // --- the analyzer, asked through the schema

    @Test
    void analyzer_curlyApostropheAfterS_givesSameTokensAsStraight() throws IOException {
        assertThat(tokens(Schema.BODY, "Mayor Adams’ willingness")).containsExactly("mayor", "adam", "willing");
        assertThat(tokens(Schema.BODY, "Mayor Adams' willingness")).containsExactly("mayor", "adam", "willing");
    }

    @Test
    void analyzer_curlyPossessive_givesSameTokensAsStraight() throws IOException {
        assertThat(tokens(Schema.BODY, "the city’s sanctuary laws")).containsExactly("citi", "sanctuari", "law");
        assertThat(tokens(Schema.BODY, "the city's sanctuary laws")).containsExactly("citi", "sanctuari", "law");
    }

    @Test
    void analyzer_seedSentenceWithAdamsCurly_givesAdam() throws IOException {
        String seed = TestFiles.seedText();
        String sentence = "While Mayor Adams’ willingness to cooperate in deporting illegal immigrants";
        assertThat(seed).contains(sentence);

        assertThat(tokens(Schema.BODY, sentence))
                .containsExactly("while", "mayor", "adam", "willing", "cooper", "deport", "illeg", "immigr");
    }

    @Test
    void analyzer_deportAndDeportation_shareAStem() throws IOException {
        assertThat(tokens(Schema.BODY, "deport deportation deported deporting"))
                .containsExactly("deport", "deport", "deport", "deport");
    }

    @Test
    void analyzer_dreamerAndDreamers_shareAStem() throws IOException {
        assertThat(tokens(Schema.BODY, "dreamer DREAMers Dreamers")).containsExactly("dreamer", "dreamer", "dreamer");
    }

    @Test
    void analyzer_stopWords_areDropped() throws IOException {
        assertThat(tokens(Schema.BODY, "the of and a to is in it")).isEmpty();
        assertThat(tokens(Schema.BODY, "AND OR NOT")).isEmpty();
        assertThat(tokens(Schema.BODY, "The mayor and the city")).containsExactly("mayor", "citi");
    }

    @Test
    void analyzer_titleField_isAnalysedLikeBody() throws IOException {
        assertThat(tokens(Schema.TITLE, "Adams’ DREAMers deportation")).containsExactly("adam", "dreamer", "deport");
    }

    @Test
    void analyzer_accents_areFolded() throws IOException {
        assertThat(tokens(Schema.BODY, "Café Zürich")).containsExactly("cafe", "zurich");
    }

    @Test
    void analyzer_keywordFields_giveOneLowercasedTokenPerValue() throws IOException {
        assertThat(tokens(Schema.SOURCE, "Wikinews")).containsExactly("wikinews");
        assertThat(tokens(Schema.SOURCE, "  Example   News ")).containsExactly("example news");
        assertThat(tokens(Schema.AUTHOR, "Jane DOE")).containsExactly("jane doe");
        assertThat(tokens(Schema.TOPIC, "Café Society")).containsExactly("cafe society");
    }

    @Test
    void analyzer_idField_isExactAndCaseSensitive() throws IOException {
        assertThat(tokens(Schema.ID, "NYC-42/The Story.txt")).containsExactly("NYC-42/The Story.txt");
    }

    @Test
    void analyzer_wordFields_areUnstemmedFoldedWords_andPrefixFieldsEdgeNGrams() throws IOException {
        assertThat(tokens(Schema.WORDS, "The city’s Sanctuary laws, Zürich"))
                .containsExactly("the", "city", "sanctuary", "laws", "zurich");
        assertThat(tokens(Schema.TITLE_WORDS, "Deportations of DREAMers"))
                .containsExactly("deportations", "of", "dreamers");
        assertThat(tokens(Schema.TITLE_PREFIX, "New York")).containsExactly("n", "ne", "new", "y", "yo", "yor", "york");
        assertThat(tokens(Schema.TITLE_LEAD, "New York")).containsExactly("n", "ne", "new");
        assertThat(tokens(Schema.TITLE_PREFIX, "a".repeat(25))).hasSize(21).contains("a".repeat(25));
    }

    @Test
    void analyzer_spellingWords_leaveOutWordsWithADigit_titleWordsKeepThem() throws IOException {
        // ASCII digits, an Arabic-Indic three (U+0663) and a mathematical bold one (U+1D7CF,
        // outside the BMP).
        String text = "G7 ministers met 3 times in 1987 and spent $15.5 bln: A\u0663 \uD835\uDFCF done";
        assertThat(tokens(Schema.WORDS, text))
                .containsExactly("ministers", "met", "times", "in", "and", "spent", "bln", "done");
        assertThat(tokens(Schema.TITLE_WORDS, text))
                .containsExactly(
                        "g7",
                        "ministers",
                        "met",
                        "3",
                        "times",
                        "in",
                        "1987",
                        "and",
                        "spent",
                        "15.5",
                        "bln",
                        "a\u0663",
                        "\uD835\uDFCF",
                        "done");
    }

    @Test
    void toDocument_indexesEveryTextAndWordField_exactlyAsItsAnalyzerWould() throws IOException {
        // Title and body are analysed once per article (ArticleWords); the word fields reuse what
        // that analysis saw. The terms and frequencies must be those of each field's own analyzer.
        String title = "Mayor Adams’ Café plan: the city’s Plan B, plans and PLANNING for 2030";
        String body = "The mayor’s café reopened. Cafés were closed; the mayor said the café's plan works. "
                + "Naïve plans, planned again, and again: the end. Cost: $15.5 mln, G7 \uD835\uDFCF.";
        try (var dir = new org.apache.lucene.store.ByteBuffersDirectory();
                var writer = new org.apache.lucene.index.IndexWriter(
                        dir, new org.apache.lucene.index.IndexWriterConfig(SCHEMA.analyzer()))) {
            writer.addDocument(SCHEMA.toDocument(
                    Article.builder("a").title(title).body(body).build()));
            writer.commit();
            try (var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
                var leaf = reader.leaves().get(0).reader();
                assertThat(indexedTerms(leaf, Schema.TITLE)).isEqualTo(counted(tokens(Schema.TITLE, title)));
                assertThat(indexedTerms(leaf, Schema.BODY)).isEqualTo(counted(tokens(Schema.BODY, body)));
                List<String> words = new ArrayList<>(tokens(Schema.WORDS, title));
                words.addAll(tokens(Schema.WORDS, body));
                assertThat(indexedTerms(leaf, Schema.WORDS).keySet())
                        .isEqualTo(counted(words).keySet())
                        .contains("adams", "cafe", "city", "the", "planning", "naive", "mln")
                        .doesNotContain("2030", "15.5", "g7", "\uD835\uDFCF");
                assertThat(indexedTerms(leaf, Schema.TITLE_WORDS).keySet())
                        .isEqualTo(counted(tokens(Schema.TITLE_WORDS, title)).keySet())
                        .contains("2030");
                assertThat(indexedTerms(leaf, Schema.TITLE_PREFIX).keySet())
                        .isEqualTo(counted(tokens(Schema.TITLE_PREFIX, title)).keySet())
                        .contains("p", "pl", "planning", "b");
                assertThat(indexedTerms(leaf, Schema.TITLE_LEAD).keySet())
                        .containsExactlyInAnyOrder("m", "ma", "may", "mayo", "mayor");
                // Offsets still point into the stored text, for highlighting.
                var postings = leaf.postings(
                        new org.apache.lucene.index.Term(Schema.BODY, "cafe"),
                        org.apache.lucene.index.PostingsEnum.OFFSETS);
                postings.nextDoc();
                postings.nextPosition();
                String stored = reader.storedFields().document(0).get(Schema.BODY);
                assertThat(stored).isEqualTo(body);
                assertThat(stored.substring(postings.startOffset(), postings.endOffset()))
                        .isEqualTo("café");
            }
        }
    }

    @Test
    void toDocument_titlePrefixes_countCodePoints_andKeepALongWordWhole() throws IOException {
        // The prefixes are cut from the article's words (ArticleWords), not by EdgeNGramTokenFilter
        // as the field's own analyzer does: same terms, with a character outside the BMP (two chars,
        // one code point) counted once, and a word longer than the longest prefix also kept whole.
        String bold = "\uD835\uDC00"; // MATHEMATICAL BOLD CAPITAL A, a letter
        String astral = bold.repeat(3) + "x".repeat(19); // 22 code points in 25 chars
        String title = "Supercalifragilisticexpialidocious " + astral + " " + bold + "b Déjà vu, a déjà";
        try (var dir = new org.apache.lucene.store.ByteBuffersDirectory();
                var writer = new org.apache.lucene.index.IndexWriter(
                        dir, new org.apache.lucene.index.IndexWriterConfig(SCHEMA.analyzer()))) {
            writer.addDocument(SCHEMA.toDocument(
                    Article.builder("a").title(title).body("Body.").build()));
            writer.commit();
            try (var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
                var leaf = reader.leaves().get(0).reader();
                var prefixes = indexedTerms(leaf, Schema.TITLE_PREFIX).keySet();
                assertThat(prefixes)
                        .isEqualTo(counted(tokens(Schema.TITLE_PREFIX, title)).keySet())
                        .contains(
                                "supercalifragilistic", // 20 code points
                                "supercalifragilisticexpialidocious",
                                bold,
                                bold.repeat(3) + "x".repeat(17),
                                astral,
                                bold + "b",
                                "deja",
                                "vu",
                                "a")
                        .doesNotContain("supercalifragilistice", "\uD835", bold.repeat(3) + "x".repeat(18));
                // 21 + 21 for the two long words, 1 more for the third (its first prefix is the
                // second's), 4 + 2 + 1 for "deja vu a" ("deja" again adds nothing).
                assertThat(prefixes).hasSize(50);
                assertThat(indexedTerms(leaf, Schema.TITLE_LEAD).keySet())
                        .isEqualTo(counted(tokens(Schema.TITLE_LEAD, title)).keySet())
                        .hasSize(21)
                        .contains("s", "supercalifragilistic", "supercalifragilisticexpialidocious");
            }
        }
    }

    @Test
    void toDocument_wordFieldsReadTheirOwnArticle_whereverAndWheneverTheDocumentIsIndexed() throws Exception {
        // The word buffer and word streams belong to the indexing thread and are bound when Lucene
        // asks a field for its tokens: documents built ahead, indexed out of order, on another
        // thread or twice must each get their own words.
        Article a = Article.builder("a")
                .title("Harbor council votes")
                .body("The budget passed.")
                .build();
        Article b = Article.builder("b")
                .title("Storm closes schools")
                .body("Teachers stayed home.")
                .build();
        Article c = Article.builder("c")
                .title("Market rally")
                .body("Shares rose sharply today.")
                .build();
        var docA = SCHEMA.toDocument(a);
        var docB = SCHEMA.toDocument(b);
        var docC = SCHEMA.toDocument(c);
        try (var dir = new org.apache.lucene.store.ByteBuffersDirectory();
                var writer = new org.apache.lucene.index.IndexWriter(
                        dir, new org.apache.lucene.index.IndexWriterConfig(SCHEMA.analyzer()))) {
            writer.addDocument(docC);
            writer.addDocument(docA);
            var other = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                other.submit(() -> writer.addDocument(docB)).get();
            } finally {
                other.shutdown();
            }
            writer.updateDocument(SCHEMA.idTerm("a"), docA); // the same document again
            writer.commit();
            try (var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
                assertThat(reader.numDocs()).isEqualTo(3);
                for (Article article : List.of(a, b, c)) {
                    List<String> words = new ArrayList<>(tokens(Schema.WORDS, article.title()));
                    words.addAll(tokens(Schema.WORDS, article.body()));
                    assertThat(termsOf(reader, Schema.WORDS, article.id())).isEqualTo(new java.util.TreeSet<>(words));
                    assertThat(termsOf(reader, Schema.TITLE_WORDS, article.id()))
                            .isEqualTo(new java.util.TreeSet<>(tokens(Schema.TITLE_WORDS, article.title())));
                    assertThat(termsOf(reader, Schema.TITLE_LEAD, article.id()))
                            .isEqualTo(new java.util.TreeSet<>(tokens(Schema.TITLE_LEAD, article.title())));
                }
            }
        }
    }

    @Test
    void toDocument_longArticleWithRepeats_thenShortOnes_eachGetsExactlyItsOwnWords() throws IOException {
        // The word buffer drops repeats with a table that grows for a long article and is emptied
        // for the next one on the same thread: 12,000 distinct words, each three times and in
        // mixed case, then articles whose words partly repeat the long one's and their own titles.
        // Among them 2,400 words with a digit, which spelling leaves out.
        StringBuilder longBody = new StringBuilder();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 12_000; i++) {
                longBody.append(round == 1 ? "Word" : "word");
                for (int n = i; n > 0; n /= 26) {
                    longBody.append((char) ('a' + n % 26));
                }
                longBody.append(' ');
                if (i % 5 == 0) {
                    longBody.append("no").append(i).append(' ');
                }
            }
        }
        List<Article> articles = List.of(
                Article.builder("long")
                        .title("Word and wordb")
                        .body(longBody.toString())
                        .build(),
                Article.builder("short")
                        .title("The harbor, the harbor")
                        .body("The harbor wordb budget; the HARBOR budget wordc.")
                        .build(),
                Article.builder("empty").title("Harbor").body("").build(),
                Article.builder("again")
                        .title("Word and wordb")
                        .body(longBody.toString())
                        .build());
        try (var dir = new org.apache.lucene.store.ByteBuffersDirectory();
                var writer = new org.apache.lucene.index.IndexWriter(
                        dir, new org.apache.lucene.index.IndexWriterConfig(SCHEMA.analyzer()))) {
            for (Article article : articles) {
                writer.addDocument(SCHEMA.toDocument(article));
            }
            writer.commit();
            try (var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
                for (Article article : articles) {
                    List<String> words = new ArrayList<>(tokens(Schema.WORDS, article.title()));
                    words.addAll(tokens(Schema.WORDS, article.body()));
                    assertThat(termsOf(reader, Schema.WORDS, article.id())).isEqualTo(new java.util.TreeSet<>(words));
                    assertThat(termsOf(reader, Schema.TITLE_WORDS, article.id()))
                            .isEqualTo(new java.util.TreeSet<>(tokens(Schema.TITLE_WORDS, article.title())));
                    assertThat(termsOf(reader, Schema.TITLE_PREFIX, article.id()))
                            .isEqualTo(new java.util.TreeSet<>(tokens(Schema.TITLE_PREFIX, article.title())));
                    assertThat(termsOf(reader, Schema.TITLE_LEAD, article.id()))
                            .isEqualTo(new java.util.TreeSet<>(tokens(Schema.TITLE_LEAD, article.title())));
                }
                assertThat(termsOf(reader, Schema.WORDS, "long")).hasSize(12_001); // and "and"
                assertThat(termsOf(reader, Schema.WORDS, "short"))
                        .containsExactly("budget", "harbor", "the", "wordb", "wordc");
                assertThat(termsOf(reader, Schema.TITLE_LEAD, "short")).containsExactly("t", "th", "the");
            }
        }
    }

    @Test
    void toDocument_wordsThatAllShareOneHash_areEachIndexed() throws IOException {
        // "aя" and "bа" (a Latin letter, then a Cyrillic one) have the same 31-polynomial hash, as
        // lowercase ASCII words of two letters never do, so every word made of them does: 4,096
        // such words, twice over, fill one chain of the repeat table. Past its probe limit a word
        // is kept unchecked; the index must still hold each word once, and nothing else.
        List<String> colliding = new ArrayList<>();
        for (int bits = 0; bits < 1 << 12; bits++) {
            StringBuilder w = new StringBuilder();
            for (int b = 0; b < 12; b++) {
                w.append((bits >> b & 1) == 0 ? "a\u044F" : "b\u0430");
            }
            colliding.add(w.toString());
        }
        assertThat(colliding.get(0).hashCode()).isEqualTo(colliding.get(4095).hashCode());
        String body = "Harbor " + String.join(" ", colliding) + " harbor " + String.join(" ", colliding);
        Article article = Article.builder("a").title("Harbor harbor").body(body).build();
        try (var dir = new org.apache.lucene.store.ByteBuffersDirectory();
                var writer = new org.apache.lucene.index.IndexWriter(
                        dir, new org.apache.lucene.index.IndexWriterConfig(SCHEMA.analyzer()))) {
            writer.addDocument(SCHEMA.toDocument(article));
            writer.addDocument(SCHEMA.toDocument(Article.builder("b")
                    .title("Tide")
                    .body("a\u044F b\u0430 low tide")
                    .build()));
            writer.commit();
            try (var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
                java.util.Set<String> expected = new java.util.TreeSet<>(colliding);
                expected.add("harbor");
                assertThat(termsOf(reader, Schema.WORDS, "a")).isEqualTo(expected);
                assertThat(termsOf(reader, Schema.WORDS, "b")).containsExactly("a\u044F", "b\u0430", "low", "tide");
                assertThat(termsOf(reader, Schema.TITLE_LEAD, "b")).containsExactly("t", "ti", "tid", "tide");
            }
        }
    }

    @Test
    void toDocument_indexesEachBandKeyAsALongPoint() throws IOException {
        String body = "The council voted on Tuesday to raise the harbor budget by four percent, after a long "
                + "debate about dredging, wages for the harbor crews and the state of the north pier.";
        long[] keys = BodyFingerprint.of(body).bandKeys();
        try (var dir = new org.apache.lucene.store.ByteBuffersDirectory();
                var writer = new org.apache.lucene.index.IndexWriter(
                        dir, new org.apache.lucene.index.IndexWriterConfig(SCHEMA.analyzer()))) {
            writer.addDocument(SCHEMA.toDocument(
                    Article.builder("a").title("Harbor budget").body(body).build()));
            writer.commit();
            try (var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
                var points = reader.leaves().get(0).reader().getPointValues(Schema.DUP_BAND);
                assertThat(points.size()).isEqualTo(keys.length);
                assertThat(points.getBytesPerDimension()).isEqualTo(Long.BYTES);
                var searcher = new org.apache.lucene.search.IndexSearcher(reader);
                for (long key : keys) {
                    assertThat(searcher.count(org.apache.lucene.document.LongPoint.newExactQuery(Schema.DUP_BAND, key)))
                            .isEqualTo(1);
                }
                assertThat(searcher.count(
                                org.apache.lucene.document.LongPoint.newExactQuery(Schema.DUP_BAND, keys[0] + 1)))
                        .isZero();
            }
        }
    }

    /** The terms of {@code field} in the live article with {@code id}. */
    private static java.util.Set<String> termsOf(
            org.apache.lucene.index.DirectoryReader reader, String field, String id) throws IOException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (var ctx : reader.leaves()) {
            var leaf = ctx.reader();
            var ids = leaf.postings(new org.apache.lucene.index.Term(Schema.ID, id));
            if (ids == null) {
                continue;
            }
            var live = leaf.getLiveDocs();
            for (int doc = ids.nextDoc();
                    doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                    doc = ids.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                var terms = leaf.terms(field).iterator();
                for (var t = terms.next(); t != null; t = terms.next()) {
                    var postings = terms.postings(null, org.apache.lucene.index.PostingsEnum.NONE);
                    if (postings.advance(doc) == doc) {
                        out.add(t.utf8ToString());
                    }
                }
            }
        }
        return out;
    }

    private static java.util.Map<String, Long> counted(List<String> tokens) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        tokens.forEach(t -> out.merge(t, 1L, Long::sum));
        return out;
    }

    private static java.util.Map<String, Long> indexedTerms(org.apache.lucene.index.LeafReader leaf, String field)
            throws IOException {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        var terms = leaf.terms(field).iterator();
        for (var t = terms.next(); t != null; t = terms.next()) {
            var postings = terms.postings(null, org.apache.lucene.index.PostingsEnum.FREQS);
            postings.nextDoc();
            out.put(t.utf8ToString(), (long) postings.freq());
        }
        return out;
    }

    @Test
    void facetValue_isTheFilterKeyThenTheValueAsGiven() {
        assertThat(SCHEMA.facetValue(Schema.SOURCE, "  Réuters  Wire ")).isEqualTo("reuters wire\u001fRéuters  Wire");
        assertThat(SCHEMA.facetValue(Schema.AUTHOR, "A\u001fB")).isEqualTo("a b\u001fA B");
    }

    // --- field names and scopes

    @Test
    void version_isRecordedUnderItsKey() {
        assertThat(Schema.VERSION).isEqualTo(3);
        assertThat(Schema.ALL_FEATURES_VERSION).isEqualTo(2);
        assertThat(Schema.VERSION_KEY).isEqualTo("lede.schema.version");
    }

    @Test
    void version_isTwoWithEveryFeature_andThreeWithoutSome() {
        // A Lede from before features reads version 2 only: it must refuse an index lacking a part.
        assertThat(Schema.version(IndexFeature.all())).isEqualTo(2);
        assertThat(Schema.version(Set.of())).isEqualTo(3);
        assertThat(Schema.version(EnumSet.of(IndexFeature.SPELLING, IndexFeature.TITLE_SUGGESTIONS)))
                .isEqualTo(3);
    }

    @Test
    void scope_knownNames_mapToIndexFieldsCaseInsensitively() {
        assertThat(SCHEMA.scope("title")).contains(Schema.TITLE);
        assertThat(SCHEMA.scope("Body")).contains(Schema.BODY);
        assertThat(SCHEMA.scope("SOURCE")).contains(Schema.SOURCE);
        assertThat(SCHEMA.scope("author")).contains(Schema.AUTHOR);
        assertThat(SCHEMA.scope("topic")).contains(Schema.TOPIC);
        assertThat(SCHEMA.scope("foo")).isEmpty();
        assertThat(SCHEMA.scope("http")).isEmpty();
    }

    @Test
    void defaultFields_areTitleAtHalfTheBodysWeightAndBody() {
        assertThat(SCHEMA.defaultFields())
                .containsExactly(
                        new Schema.WeightedField(Schema.TITLE, 0.5f), new Schema.WeightedField(Schema.BODY, 1.0f));
        assertThat(SCHEMA.highlightedFields()).containsExactly(Schema.TITLE, Schema.BODY);
    }

    @Test
    void isKeyword_isTrueForWholeValueFieldsOnly() {
        assertThat(List.of(Schema.SOURCE, Schema.AUTHOR, Schema.TOPIC, Schema.LANGUAGE))
                .allMatch(SCHEMA::isKeyword);
        assertThat(List.of(Schema.ID, Schema.TITLE, Schema.BODY, Schema.URL)).noneMatch(SCHEMA::isKeyword);
    }

    // --- the same rules, seen through searches

    @Test
    void search_adamsWithCurlyApostrophe_findsSeed() throws IOException {
        assertThat(ids(index.search("Adams’"))).containsExactly(SEED_ID);
        assertThat(ids(index.search("Adams'"))).containsExactly(SEED_ID);
        assertThat(ids(index.search("adam"))).containsExactly(SEED_ID);
    }

    @Test
    void search_curlyPhraseWithCurlyApostrophe_marksItAsOneUnit() throws IOException {
        Hit hit = index.search("“Mayor Adams’ willingness”").hits().get(0);

        assertThat(hit.id()).isEqualTo(SEED_ID);
        assertThat(hit.snippets()).flatExtracting(Snippet::marked).containsExactly("Mayor Adams’ willingness");
    }

    @Test
    void search_straightPossessive_marksCurlyPossessiveInSeed() throws IOException {
        Hit hit = index.search("\"city's sanctuary\"").hits().get(0);

        assertThat(hit.id()).isEqualTo(SEED_ID);
        assertThat(hit.snippets())
                .flatExtracting(Snippet::marked)
                .containsExactly("city’s sanctuary", "city’s sanctuary", "city’s sanctuary");
    }

    @Test
    void search_deport_findsDeportationAndMarksIt() throws IOException {
        SearchResults results = index.search("deport");

        assertThat(ids(results)).containsExactly(SEED_ID);
        assertThat(results.hits().get(0).snippets())
                .flatExtracting(Snippet::marked)
                .containsExactly("deportation", "deportation", "deportation", "deporting");
    }

    @Test
    void search_dreamer_findsAndMarksDreamers() throws IOException {
        SearchResults results = index.search("dreamer");

        assertThat(ids(results)).containsExactly(SEED_ID);
        assertThat(results.hits().get(0).snippets())
                .flatExtracting(Snippet::marked)
                .containsExactly("DREAMers", "DREAMers");
    }

    @Test
    void search_onlyStopWords_givesNoHitsWithoutError() throws IOException {
        SearchResults results = index.search("the and of");

        assertThat(results.total()).isZero();
        assertThat(results.hits()).isEmpty();
    }

    @Test
    void search_sourceScope_isCaseInsensitiveWholeValue() throws IOException {
        assertThat(ids(index.search("source:wikinews"))).containsExactly("wn-1");
        assertThat(ids(index.search("source:WIKINEWS"))).containsExactly("wn-1");
        assertThat(ids(index.search("source:wiki"))).isEmpty();
        assertThat(ids(index.search("source:\"example news\""))).containsExactly("ex-1");
        assertThat(ids(index.search("source:example"))).isEmpty();
    }

    @Test
    void search_authorAndTopicScopes_matchWholeValues() throws IOException {
        assertThat(ids(index.search("author:\"jane doe\""))).containsExactly("ex-1");
        assertThat(ids(index.search("author:jane"))).isEmpty();
        assertThat(ids(index.search("topic:\"local politics\""))).containsExactly("ex-1");
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(Hit::id).toList();
    }
}
