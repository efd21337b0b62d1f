package dev.lede.internal.schema;

import dev.lede.IndexFeature;
import dev.lede.article.Article;
import dev.lede.article.Published;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * The one place that maps an {@link Article} to Lucene fields and back, and names every field,
 * field type and analyzer. The indexer and the query side both ask it; neither invents a field
 * name.
 *
 * <p>Layout (schema version {@value #VERSION}):
 *
 * <ul>
 *   <li>{@code id}: exact term (upsert key), stored, sorted doc values for tie-breaks;
 *   <li>{@code title}, {@code body}: English-analysed text with offsets in postings (for the
 *       UnifiedHighlighter), stored;
 *   <li>{@code source}, {@code author}, {@code topic}, {@code language}: whole-value keyword
 *       tokens (case- and accent-insensitive), stored as given;
 *   <li>{@code published}: a long point and numeric doc values of its epoch milliseconds (for
 *       filters and sorts), stored as the ISO-8601 text the source gave;
 *   <li>{@code url}, {@code notice}: stored only;
 *   <li>{@code x.NAME}: an extra value, a whole-value keyword like {@code source}, stored;
 *   <li>{@code hash}: binary doc values of the article's {@link ContentHash};
 *   <li>for an article read from a file: {@code origin} (the file's absolute path, an exact term
 *       and sorted doc values) and the file's state when it was read, {@code origin.size}, {@code
 *       origin.mtime}, {@code origin.articles} (numeric doc values) and {@code origin.hash} (binary
 *       doc values), so that a
 *       folder ingested again re-reads only the files that changed (see {@link FileStamp});
 *   <li>{@code facet.source}, {@code facet.author}, {@code facet.topic}: sorted-set doc values of
 *       {@link #facetValue the normalised value and the value as given}; {@code facet.day}: the
 *       publication day in the source's own offset ({@code 2019-01-04}), for facet counts;
 *   <li>{@code words}: the unstemmed words of title and body that hold no digit (docs only, no
 *       norms), the vocabulary of spelling suggestions, which leave words with digits alone;
 *       {@code title.words}, {@code title.prefix} (every word's 1 to 20 character prefixes) and
 *       {@code title.lead} (the first word's), for title autocomplete.
 *   <li>{@code dup.fingerprint}: binary doc values of the body's {@link BodyFingerprint} (version 2),
 *       and {@code dup.band}: its band and exact-hash keys (long points), so that the
 *       near-duplicates of an article are found by a point query; none for an empty body.
 * </ul>
 *
 * The word fields are written only in an index built with {@link IndexFeature#SPELLING} ({@code
 * words}) or {@link IndexFeature#TITLE_SUGGESTIONS} ({@code title.*}), the {@code dup.*} fields
 * only with {@link IndexFeature#DUPLICATES}; the index records its features in its commits
 * ({@link #FEATURES_KEY}).
 *
 * Every article value is stored, so an index can be rebuilt from itself. Thread-safe.
 */
public final class Schema {
    /**
     * Bumped whenever the layout above changes in a way an older index cannot serve. Version 3 is
     * version 2's layout with some of the optional parts left out ({@link #FEATURES_KEY}); an index
     * with all of them is still recorded as version 2 ({@link #version(Set)}), which is what a Lede
     * from before features wrote and reads. Such a Lede therefore reads and writes an index with
     * every part as before, and refuses one without some rather than adding articles with the
     * parts and losing the record of which are missing.
     */
    public static final int VERSION = 3;

    /** The version of an index with every optional part: the layout of Lede before features. */
    public static final int ALL_FEATURES_VERSION = 2;

    /** Commit user-data key holding {@link #VERSION}. */
    public static final String VERSION_KEY = "lede.schema.version";

    /**
     * Commit user-data key holding the index's {@link IndexFeature}s ({@link
     * IndexFeature#labels}); an index without it was built before features could be left out, with
     * all of them.
     */
    public static final String FEATURES_KEY = "lede.features";

    /**
     * Longest keyword value (source, author, topic, language, extra) that is matched whole; a longer
     * one is stored whole but matched on its first this-many characters (Lucene caps a term at
     * 32,766 bytes).
     */
    public static final int MAX_KEYWORD_CHARS = 4_096;

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String URL = "url";
    public static final String SOURCE = "source";
    public static final String AUTHOR = "author";
    public static final String PUBLISHED = "published";
    public static final String TOPIC = "topic";
    public static final String LANGUAGE = "language";
    public static final String NOTICE = "notice";
    /** Content hash of the whole article, for telling changed articles from unchanged ones. */
    public static final String HASH = "hash";
    /** The absolute path of the file an article was read from; none for articles from the API. */
    public static final String ORIGIN = "origin";

    /** Binary doc values: the body's {@link BodyFingerprint}, for near-duplicate detection. */
    public static final String DUP_FINGERPRINT = "dup.fingerprint";
    /** Long points: the fingerprint's band and exact-hash keys, for near-duplicate candidates. */
    public static final String DUP_BAND = "dup.band";

    public static final String ORIGIN_SIZE = "origin.size";
    public static final String ORIGIN_MTIME = "origin.mtime";
    public static final String ORIGIN_HASH = "origin.hash";
    public static final String ORIGIN_ARTICLES = "origin.articles";

    public static final String FACET_SOURCE = "facet.source";
    public static final String FACET_AUTHOR = "facet.author";
    public static final String FACET_TOPIC = "facet.topic";
    public static final String FACET_DAY = "facet.day";
    /** Separates the normalised key from the value as given in a facet doc value. */
    public static final char FACET_KEY_END = '\u001f';
    /** Unstemmed title and body words: the vocabulary of spelling suggestions. */
    public static final String WORDS = "words";

    public static final String TITLE_WORDS = "title.words";
    public static final String TITLE_PREFIX = "title.prefix";
    public static final String TITLE_LEAD = "title.lead";
    /** Longest prefix indexed in {@link #TITLE_PREFIX}: cut a typed prefix to this. */
    public static final int MAX_TITLE_PREFIX = WordAnalyzers.MAX_PREFIX;

    /**
     * The state of a file when its articles were read: its absolute path, size, modification time
     * (milliseconds), a hash of its name and bytes, and how many articles (distinct ids) it gave.
     */
    public record FileStamp(String origin, long size, long mtime, byte[] hash, long articles) {}

    /** Prefix of the fields holding an article's extra values: {@code x.section}. */
    public static final String EXTRA_PREFIX = "x.";

    /** A text field searched by default, with its BM25 weight. */
    public record WeightedField(String name, float weight) {}

    // Chosen with `lede eval` on TIME, Cranfield, CISI, MED and NPL (README, "Ranking quality"): the
    // title at half the body's weight, both fields' scores added, and BM25 b = 0.6 gave the best mean
    // nDCG@10 of the settings tried (title 0, 0.5, 0.7, 1; b 0.4 to 0.75; k1 0.9 to 1.5; sum or
    // dis_max), up on four collections and level on Cranfield against equal weights and b = 0.75.
    static final float TITLE_WEIGHT = 0.5f;
    static final float BM25_K1 = 1.2f;
    static final float BM25_B = 0.6f;

    private static final List<WeightedField> DEFAULT_FIELDS =
            List.of(new WeightedField(TITLE, TITLE_WEIGHT), new WeightedField(BODY, 1.0f));

    /** BM25 for every text field, with the parameters above (norms do not depend on them). */
    public Similarity similarity() {
        return new BM25Similarity(BM25_K1, BM25_B);
    }

    /** Searchers with the schema's similarity. */
    public SearcherFactory searcherFactory() {
        Similarity similarity = similarity();
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher s = new IndexSearcher(reader);
                s.setSimilarity(similarity);
                return s;
            }
        };
    }

    // Field names a user may write before ':' in the lenient syntax, mapped to index fields.
    private static final Map<String, String> SCOPES =
            Map.of("title", TITLE, "body", BODY, "source", SOURCE, "author", AUTHOR, "topic", TOPIC);

    private static final List<String> KEYWORD_FIELDS = List.of(SOURCE, AUTHOR, TOPIC, LANGUAGE);

    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();
    private static final FieldType KEYWORD = keyword();
    private static final FieldType DOCS_ONLY = docsOnly();
    private static final FieldType BAND_POINT = longPoint();

    private final Analyzer textAnalyzer = new NewsAnalyzer();
    private final Analyzer queryTextAnalyzer;
    private final Analyzer keywordAnalyzer = new KeywordAnalyzer();
    private final Analyzer idAnalyzer = new org.apache.lucene.analysis.core.KeywordAnalyzer();
    private final Analyzer wordsAnalyzer = WordAnalyzers.words();
    private final Analyzer spellingAnalyzer = WordAnalyzers.spellingWords();
    private final Analyzer prefixAnalyzer = WordAnalyzers.prefixes(false);
    private final Analyzer leadAnalyzer = WordAnalyzers.prefixes(true);
    private final FieldAnalyzer analyzer = new FieldAnalyzer();

    /** Per field: exact ids, whole-value keywords, English text. */
    private final class FieldAnalyzer extends DelegatingAnalyzerWrapper {
        FieldAnalyzer() {
            super(Analyzer.PER_FIELD_REUSE_STRATEGY);
        }

        Analyzer getWrappedAnalyzerFor(String fieldName) {
            return getWrappedAnalyzer(fieldName);
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            if (ID.equals(fieldName)) {
                return idAnalyzer;
            }
            switch (fieldName) {
                case WORDS -> {
                    return spellingAnalyzer;
                }
                case TITLE_WORDS -> {
                    return wordsAnalyzer;
                }
                case TITLE_PREFIX -> {
                    return prefixAnalyzer;
                }
                case TITLE_LEAD -> {
                    return leadAnalyzer;
                }
                default -> {}
            }
            return isKeyword(fieldName) ? keywordAnalyzer : textAnalyzer;
        }
    }

    private final Analyzer queryAnalyzer;

    private final Set<IndexFeature> features;

    /** The schema with every feature and no synonyms. */
    public Schema() {
        this(null);
    }

    /** The schema with every feature, whose query analyzer applies {@code synonyms} (or none when {@code null}). */
    public Schema(SynonymMap synonyms) {
        this(synonyms, IndexFeature.all());
    }

    /** The schema of an index with {@code features}, whose query analyzer applies {@code synonyms} (or none). */
    public Schema(SynonymMap synonyms, Set<IndexFeature> features) {
        Set<IndexFeature> copy = EnumSet.noneOf(IndexFeature.class);
        copy.addAll(features);
        this.features = Collections.unmodifiableSet(copy);
        this.queryTextAnalyzer = synonyms == null ? textAnalyzer : new NewsAnalyzer(synonyms);
        this.queryAnalyzer = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                Analyzer indexTime = analyzer.getWrappedAnalyzerFor(fieldName);
                return indexTime == textAnalyzer ? queryTextAnalyzer : indexTime;
            }
        };
    }

    /** The schema version recorded for an index with {@code features}: 2 with all, 3 without some. */
    public static int version(Set<IndexFeature> features) {
        return features.containsAll(IndexFeature.all()) ? ALL_FEATURES_VERSION : VERSION;
    }

    /** The optional parts this schema's documents have. */
    public Set<IndexFeature> features() {
        return features;
    }

    /** Whether this schema's documents have {@code feature}'s fields. */
    public boolean has(IndexFeature feature) {
        return features.contains(feature);
    }

    /** The analyzer for every field at index time (and for highlighting). */
    public Analyzer analyzer() {
        return analyzer;
    }

    /** The analyzer for query text: the index-time one plus synonyms, when there are any. */
    public Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    /** The fields searched when a query names none, with their weights. */
    public List<WeightedField> defaultFields() {
        return DEFAULT_FIELDS;
    }

    /** The text fields that keep offsets and get highlighted. */
    public List<String> highlightedFields() {
        return List.of(TITLE, BODY);
    }

    /** The index field for a scope a user typed ({@code title}, {@code source}, ...), if known. */
    public Optional<String> scope(String userName) {
        return Optional.ofNullable(SCOPES.get(userName.toLowerCase(Locale.ROOT)));
    }

    /** Whether a field matches whole values rather than analysed words. */
    public boolean isKeyword(String field) {
        return KEYWORD_FIELDS.contains(field) || field.startsWith(EXTRA_PREFIX);
    }

    /** The term that identifies an article, for upserts and deletes. */
    public Term idTerm(String id) {
        return new Term(ID, id);
    }

    /** Newest first when {@code newestFirst}, else oldest first; undated articles always last. */
    public SortField publishedSort(boolean newestFirst) {
        return new SortField(
                PUBLISHED, SortField.Type.LONG, newestFirst, newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
    }

    /** Ascending by id: the tie-break that makes every sort deterministic. */
    public SortField idSort() {
        return new SortField(ID, SortField.Type.STRING);
    }

    /** The Lucene document for an article. */
    public Document toDocument(Article article) {
        return toDocument(article, ContentHash.of(article));
    }

    /** The Lucene document for an article whose {@link ContentHash} the caller already has. */
    public Document toDocument(Article article, byte[] contentHash) {
        return toDocument(article, contentHash, null);
    }

    /** The Lucene document for an article read from the file {@code from} ({@code null}: none). */
    public Document toDocument(Article article, byte[] contentHash, FileStamp from) {
        Document doc = new Document();
        doc.add(new StringField(ID, article.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(article.id())));
        // Title and body are analysed once each, here, for their own fields and the word fields
        // (the title's words for both word features, the body's for spelling only).
        ArticleWords words = new ArticleWords();
        boolean spelling = has(IndexFeature.SPELLING);
        boolean titleWords = spelling || has(IndexFeature.TITLE_SUGGESTIONS);
        doc.add(
                titleWords
                        ? words.title(TITLE, article.title(), TEXT_WITH_OFFSETS)
                        : new Field(TITLE, article.title(), TEXT_WITH_OFFSETS));
        doc.add(
                spelling
                        ? words.body(BODY, article.body(), TEXT_WITH_OFFSETS)
                        : new Field(BODY, article.body(), TEXT_WITH_OFFSETS));
        addKeyword(doc, SOURCE, article.source());
        for (String author : article.authors()) {
            addKeyword(doc, AUTHOR, author);
        }
        for (String topic : article.topics()) {
            addKeyword(doc, TOPIC, topic);
        }
        addKeyword(doc, LANGUAGE, article.language());
        if (article.published() != null) {
            long millis = article.published().instant().toEpochMilli();
            doc.add(new LongPoint(PUBLISHED, millis));
            doc.add(new NumericDocValuesField(PUBLISHED, millis));
            doc.add(new StoredField(PUBLISHED, article.published().toString()));
        }
        addStored(doc, URL, article.url());
        addStored(doc, NOTICE, article.notice());
        article.extra().forEach((name, value) -> addKeyword(doc, EXTRA_PREFIX + name, value));
        doc.add(new BinaryDocValuesField(HASH, new BytesRef(contentHash)));
        if (has(IndexFeature.DUPLICATES)) {
            addFingerprint(doc, BodyFingerprint.of(article.body()));
        }
        if (from != null) {
            doc.add(new StringField(ORIGIN, from.origin(), Field.Store.NO));
            doc.add(new SortedDocValuesField(ORIGIN, new BytesRef(from.origin())));
            doc.add(new NumericDocValuesField(ORIGIN_SIZE, from.size()));
            doc.add(new NumericDocValuesField(ORIGIN_MTIME, from.mtime()));
            doc.add(new BinaryDocValuesField(ORIGIN_HASH, new BytesRef(from.hash())));
            doc.add(new NumericDocValuesField(ORIGIN_ARTICLES, from.articles()));
        }
        addFacetsAndWords(doc, article, words);
        return doc;
    }

    /** Facet doc values, and the unstemmed words for spelling suggestions and title autocomplete. */
    private void addFacetsAndWords(Document doc, Article article, ArticleWords words) {
        addFacet(doc, FACET_SOURCE, SOURCE, article.source());
        article.authors().forEach(a -> addFacet(doc, FACET_AUTHOR, AUTHOR, a));
        article.topics().forEach(t -> addFacet(doc, FACET_TOPIC, TOPIC, t));
        if (article.published() != null) {
            String day = article.published().date().toString();
            doc.add(new SortedSetDocValuesField(FACET_DAY, new BytesRef(day)));
        }
        // After title and body: these read the words their analysis saw (ArticleWords).
        if (has(IndexFeature.SPELLING)) {
            doc.add(words.words(WORDS, DOCS_ONLY));
        }
        if (has(IndexFeature.TITLE_SUGGESTIONS)) {
            doc.add(words.titleWords(TITLE_WORDS, DOCS_ONLY));
            doc.add(words.titlePrefixes(TITLE_PREFIX, DOCS_ONLY));
            doc.add(words.titleLead(TITLE_LEAD, DOCS_ONLY));
        }
    }

    private void addFacet(Document doc, String facetField, String keywordField, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new SortedSetDocValuesField(facetField, new BytesRef(facetValue(keywordField, value))));
        }
    }

    private static void addFingerprint(Document doc, BodyFingerprint fingerprint) {
        if (fingerprint == null) {
            return;
        }
        doc.add(new BinaryDocValuesField(DUP_FINGERPRINT, new BytesRef(fingerprint.toBytes())));
        // The points LongPoint would make, without its new field type and array per key (33 keys
        // an article).
        long[] keys = fingerprint.bandKeys();
        byte[] packed = new byte[keys.length * Long.BYTES];
        for (int i = 0; i < keys.length; i++) {
            NumericUtils.longToSortableBytes(keys[i], packed, i * Long.BYTES);
            doc.add(new Field(DUP_BAND, new BytesRef(packed, i * Long.BYTES, Long.BYTES), BAND_POINT));
        }
    }

    /**
     * A facet doc value: the value normalised as its keyword field matches it (so counts agree with
     * filters), {@link #FACET_KEY_END}, then the value as given (cut to {@link #MAX_KEYWORD_CHARS}).
     * Values with one key sort next to each other, whatever their case or accents.
     */
    public String facetValue(String keywordField, String value) {
        String display = value.strip();
        if (display.length() > MAX_KEYWORD_CHARS) {
            display = display.substring(0, MAX_KEYWORD_CHARS);
        }
        // The separator cannot occur in either part, whatever a feed puts in its values.
        String key = keywordKey(keywordField, value).replace(FACET_KEY_END, ' ');
        return key + FACET_KEY_END + display.replace(FACET_KEY_END, ' ');
    }

    /** A keyword value as its field matches it: trimmed, lowercased, accent-folded. */
    public String keywordKey(String keywordField, String value) {
        return keywordAnalyzer.normalize(keywordField, value).utf8ToString();
    }

    /**
     * The articles with any of these {@link BodyFingerprint#bandKeys()}: near-duplicate candidates.
     */
    public Query duplicateCandidates(long... bandKeys) {
        return LongPoint.newSetQuery(DUP_BAND, bandKeys);
    }

    /** The article stored in a document. */
    public Article toArticle(Document doc) {
        String published = doc.get(PUBLISHED);
        return Article.builder(doc.get(ID))
                .title(doc.get(TITLE))
                .body(doc.get(BODY))
                .url(doc.get(URL))
                .source(doc.get(SOURCE))
                .authors(values(doc, AUTHOR))
                .published(published == null ? null : Published.parse(published))
                .topics(values(doc, TOPIC))
                .language(doc.get(LANGUAGE))
                .notice(doc.get(NOTICE))
                .extra(extra(doc))
                .build();
    }

    private static Map<String, String> extra(Document doc) {
        Map<String, String> extra = new TreeMap<>();
        for (IndexableField f : doc.getFields()) {
            if (f.name().startsWith(EXTRA_PREFIX) && f.stringValue() != null) {
                extra.put(f.name().substring(EXTRA_PREFIX.length()), f.stringValue());
            }
        }
        return extra;
    }

    /** The field holding an extra value. */
    public String extraField(String name) {
        return EXTRA_PREFIX + name;
    }

    private static List<String> values(Document doc, String field) {
        List<String> out = new ArrayList<>();
        for (IndexableField f : doc.getFields(field)) {
            if (f.stringValue() != null) {
                out.add(f.stringValue());
            }
        }
        return out;
    }

    private static void addKeyword(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new Field(field, value, KEYWORD));
        }
    }

    private static void addStored(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StoredField(field, value));
        }
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.setTokenized(true);
        type.setStored(true);
        type.freeze();
        return type;
    }

    private static FieldType docsOnly() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /** One {@code long} point per field, as {@link LongPoint} indexes it. */
    private static FieldType longPoint() {
        FieldType t = new FieldType();
        t.setDimensions(1, Long.BYTES);
        t.freeze();
        return t;
    }

    private static FieldType keyword() {
        // Tokenized so that the keyword analyzer normalises the value; stored as given.
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setStored(true);
        type.freeze();
        return type;
    }
}
