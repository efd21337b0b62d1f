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

/**
 * English analysis for news text: Unicode word breaks, possessives with {@code '} and {@code ’}
 * ("Mayor Adams’ willingness", "the city’s"), lowercasing, accent folding, English stop words and
 * Porter stemming ("deportation" and "deport" meet, as do "DREAMers" and "dreamer").
 *
 * <p>Thread-safe, like every Lucene {@link Analyzer}.
 */
final class NewsAnalyzer extends Analyzer {
    private final CharArraySet stopWords;

    NewsAnalyzer() {
        this(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    }

    NewsAnalyzer(CharArraySet stopWords) {
        this.stopWords = stopWords;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        // EnglishPossessiveFilter strips 's after ', ’ and ＇; a bare trailing apostrophe ("Adams’")
        // never reaches it because the tokenizer does not keep it inside the word.
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new LowerCaseFilter(result);
        result = new ASCIIFoldingFilter(result);
        result = new StopFilter(result, stopWords);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
