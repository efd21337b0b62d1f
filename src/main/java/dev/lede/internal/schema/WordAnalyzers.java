package dev.lede.internal.schema;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LimitTokenCountFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Unstemmed analysis for spelling suggestions and title autocomplete: the news analyzer's word chain
 * (Unicode word breaks, possessives, lowercasing, accent folding) with no stop words and no
 * stemming, so terms are words a user could type. Thread-safe.
 */
final class WordAnalyzers {
    /** Longest title-word prefix indexed; a longer typed prefix is cut to it (and still matches). */
    static final int MAX_PREFIX = 20;

    private WordAnalyzers() {}

    /** Whole words, lowercased and accent-folded. */
    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, NewsAnalyzer.words(source));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /**
     * Every prefix (1 to {@value #MAX_PREFIX} characters) of every word, or of the first word only
     * when {@code firstWordOnly}: a typed prefix is then one term lookup, never a term expansion.
     */
    static Analyzer prefixes(boolean firstWordOnly) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream words = NewsAnalyzer.words(source);
                if (firstWordOnly) {
                    words = new LimitTokenCountFilter(words, 1);
                }
                return new TokenStreamComponents(source, new EdgeNGramTokenFilter(words, 1, MAX_PREFIX, true));
            }
        };
    }
}
