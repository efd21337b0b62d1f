package dev.lede.internal.schema;

import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;

/**
 * Whole-value matching for source, author, topic and language: one token per value, trimmed,
 * inner white space collapsed, lowercased and accent-folded, so {@code source:wikinews} finds
 * "Wikinews". Used at index and query time alike. Thread-safe.
 */
final class KeywordAnalyzer extends Analyzer {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Longest value indexed (and matched); longer values are cut there, at index and query time. */
    static final int MAX_CHARS = Schema.MAX_KEYWORD_CHARS;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        KeywordTokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, filters(source));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return filters(in);
    }

    private static TokenStream filters(TokenStream in) {
        TokenStream result = new PatternReplaceFilter(in, SPACES, " ", true);
        // Lucene refuses terms over 32,766 bytes; a value that long is not a name anyway.
        result = TruncateTokenFilter.truncateAfterChars(result, MAX_CHARS);
        result = new TrimFilter(result);
        result = new LowerCaseFilter(result);
        return new ASCIIFoldingFilter(result);
    }
}
