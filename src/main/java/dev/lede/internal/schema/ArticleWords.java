package dev.lede.internal.schema;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * One article's analysis at index time, done once per text: the title and the body run through the
 * {@link NewsAnalyzer} chain, and the unstemmed words it sees on the way (after folding, before stop
 * words and stemming) are kept for the fields that need words rather than stems: {@code words}
 * (spelling), {@code title.words}, {@code title.prefix} and {@code title.lead} (autocomplete).
 *
 * <p>The same terms as analysing each of those fields on its own with {@link WordAnalyzers}, with
 * less work: the body, most of an article, is tokenised once instead of twice, and the title once
 * instead of five times (the benchmark's raw Lucene baseline does it the usual way, a per-field
 * analyzer, and ingests the same fields at about the same cost: docs/bench). This relies on Lucene indexing a document's fields in the
 * order they were added: the fields of {@link #title} and {@link #body} must come before the
 * word fields that read what they saw ({@link #words()} and the title ones). One instance per
 * document; not thread-safe.
 */
final class ArticleWords {
    // The title and body chains of each indexing thread, reused from article to article as an
    // Analyzer reuses its own: taken when Lucene asks the field for its tokens, given back when the
    // field is done (Lucene inverts one field at a time on the thread that adds the document).
    private static final ThreadLocal<Chain[]> CHAINS =
            ThreadLocal.withInitial(() -> new Chain[] {new Chain(), new Chain()});

    // Every word seen, title first, one after the other in one buffer (no String per word, no set:
    // the word fields keep no frequencies, so Lucene's own term hash drops the repeats).
    private char[] chars = new char[2048];
    private int[] ends = new int[256];
    private int count;
    private int titleCount;

    /** The title field, analysed as {@code title} is, noting its words. */
    Field title(String name, String text, FieldType type) {
        return new Analysed(name, text, type, 0, true);
    }

    /** The body field, analysed as {@code body} is, noting its words. */
    Field body(String name, String text, FieldType type) {
        return new Analysed(name, text, type, 1, false);
    }

    /** Every word of the title and body (the field keeps no frequencies: repeats cost nothing). */
    TokenStream words() {
        return new WordList(false, false);
    }

    /** The words of the title. */
    TokenStream titleWords() {
        return new WordList(true, false);
    }

    /** Every 1 to {@value WordAnalyzers#MAX_PREFIX} character prefix of every title word. */
    TokenStream titlePrefixes() {
        return prefixes(new WordList(true, false));
    }

    /** The prefixes of the title's first word. */
    TokenStream titleLead() {
        return prefixes(new WordList(true, true));
    }

    private static TokenStream prefixes(TokenStream words) {
        return new EdgeNGramTokenFilter(words, 1, WordAnalyzers.MAX_PREFIX, true);
    }

    private void add(char[] word, int length, boolean ofTitle) {
        int start = count == 0 ? 0 : ends[count - 1];
        if (start + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, start + length));
        }
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        System.arraycopy(word, 0, chars, start, length);
        ends[count++] = start + length;
        if (ofTitle) {
            titleCount++;
        }
    }

    /** A text field whose tokens come from this thread's chain, teeing words into this article. */
    private final class Analysed extends Field {
        private final int chain;
        private final boolean ofTitle;

        Analysed(String name, String text, FieldType type, int chain, boolean ofTitle) {
            super(name, text, type);
            this.chain = chain;
            this.ofTitle = ofTitle;
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            Chain c = CHAINS.get()[chain];
            c.tee.into(ArticleWords.this, ofTitle);
            c.source.setReader(new StringReader(stringValue()));
            return c.stream;
        }
    }

    /** The news chain with a tee after folding (before stop words and stemming). */
    private static final class Chain {
        final StandardTokenizer source = new StandardTokenizer();
        final Tee tee = new Tee(NewsAnalyzer.words(source));
        final TokenStream stream = NewsAnalyzer.stemmed(tee);
    }

    /** Passes every token on, adding its text to an article's words. */
    private static final class Tee extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private ArticleWords article;
        private boolean ofTitle;

        Tee(TokenStream in) {
            super(in);
        }

        void into(ArticleWords article, boolean ofTitle) {
            this.article = article;
            this.ofTitle = ofTitle;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            article.add(term.buffer(), term.length(), ofTitle);
            return true;
        }

        @Override
        public void close() throws IOException {
            super.close();
            article = null; // keep no article reachable from the thread's chain
        }
    }

    /** The article's words (all, the title's, or the title's first), read when the field is indexed. */
    private final class WordList extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final boolean titleOnly;
        private final boolean firstOnly;
        private int next;
        private int end;

        WordList(boolean titleOnly, boolean firstOnly) {
            this.titleOnly = titleOnly;
            this.firstOnly = firstOnly;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            // Read now, when the field is indexed, after the title and body streams have run.
            next = 0;
            end = titleOnly ? Math.min(titleCount, firstOnly ? 1 : titleCount) : count;
        }

        @Override
        public boolean incrementToken() {
            if (next >= end) {
                return false;
            }
            clearAttributes();
            int start = next == 0 ? 0 : ends[next - 1];
            term.copyBuffer(chars, start, ends[next] - start);
            next++;
            return true;
        }
    }
}
