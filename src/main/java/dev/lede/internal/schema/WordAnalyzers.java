package dev.lede.internal.schema;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LimitTokenCountFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

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
        return words(false);
    }

    /**
     * The words of the spelling vocabulary: whole words as {@link #words()} gives them, less those
     * holding a digit ({@link #hasDigit}). "Did you mean" never respells a word with a digit, so
     * numbers, amounts and codes ("1987", "15.5", "g7") would only fill the vocabulary: in
     * 20,000 Reuters articles they were a third of its terms and 9% of its postings (docs/bench).
     */
    static Analyzer spellingWords() {
        return words(true);
    }

    private static Analyzer words(boolean digitFree) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream words = NewsAnalyzer.words(source);
                return new TokenStreamComponents(source, digitFree ? new DigitFree(words) : words);
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

    /** Whether {@code chars[start, end)} holds a digit of any script ({@link Character#isDigit(int)}). */
    static boolean hasDigit(char[] chars, int start, int end) {
        for (int i = start; i < end; ) {
            char c = chars[i];
            if (c < 0x80) {
                if (c >= '0' && c <= '9') {
                    return true;
                }
                i++;
            } else {
                int cp = Character.codePointAt(chars, i, end);
                if (Character.isDigit(cp)) {
                    return true;
                }
                i += Character.charCount(cp);
            }
        }
        return false;
    }

    /** Drops the words that hold a digit. */
    private static final class DigitFree extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        DigitFree(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            return !hasDigit(term.buffer(), 0, term.length());
        }
    }
}
