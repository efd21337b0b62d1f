package dev.lede.internal.schema;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * English analysis for news text: Unicode word breaks, possessives with {@code '} and {@code ’}
 * ("Mayor Adams’ willingness", "the city’s"), lowercasing, accent folding, English stop words and
 * Porter stemming ("deportation" and "deport" meet, as do "DREAMers" and "dreamer").
 *
 * <p>Thread-safe, like every Lucene {@link Analyzer}.
 */
final class NewsAnalyzer extends Analyzer {
    private final CharArraySet stopWords;
    private final SynonymMap synonyms; // null: none

    NewsAnalyzer() {
        this(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, null);
    }

    /** The query-time chain, with synonyms applied before stop words and stemming. */
    NewsAnalyzer(SynonymMap synonyms) {
        this(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, synonyms);
    }

    NewsAnalyzer(CharArraySet stopWords, SynonymMap synonyms) {
        this.stopWords = stopWords;
        this.synonyms = synonyms;
    }

    /** The chain up to folding: what synonym rules are written in. */
    static TokenStream words(StandardTokenizer source) {
        // EnglishPossessiveFilter strips 's after ', ’ and ＇; a bare trailing apostrophe ("Adams’")
        // never reaches it because the tokenizer does not keep it inside the word.
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new LowerCaseFilter(result);
        return new ASCIIFoldingFilter(result);
    }

    /** The rest of the index-time chain after {@link #words}: English stop words, then stemming. */
    static TokenStream stemmed(TokenStream words) {
        return stemmed(words, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    }

    private static TokenStream stemmed(TokenStream words, CharArraySet stopWords) {
        return new PorterStemFilter(new StopFilter(words, stopWords));
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = words(source);
        if (synonyms != null) {
            result = new SynonymGraphFilter(result, synonyms, true);
        }
        return new TokenStreamComponents(source, stemmed(result, stopWords));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
