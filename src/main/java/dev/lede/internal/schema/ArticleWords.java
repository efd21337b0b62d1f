package dev.lede.internal.schema;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
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
 * <p>The same terms as analysing each of those fields on its own with {@link WordAnalyzers}, at a
 * fraction of the cost: the body, most of an article, is tokenised once instead of twice, and the
 * title once instead of five times. This relies on Lucene indexing a document's fields in the
 * order they were added: the fields of {@link #title} and {@link #body} must come before the
 * word fields that read what they saw ({@link #words()} and the title ones). One instance per
 * document; not thread-safe.
 */
final class ArticleWords {
    // The title and body chains of each indexing thread, reused from article to article as an
    // Analyzer reuses its own: taken when Lucene asks the field for its tokens, given back when the
    // field is done (Lucene inverts one field at a time on the thread that adds the document).
    private static final ThreadLocal<Chain[]> CHAINS = ThreadLocal.withInitial(() -> new Chain[] {new Chain(), new Chain()});

    // Lucene's char[] set: a repeated word costs a look-up, not a String.
    private final CharArraySet words = new CharArraySet(256, false);
    private final List<String> titleWords = new ArrayList<>();

    /** The title field, analysed as {@code title} is, noting its words. */
    Field title(String name, String text, FieldType type) {
        return new Analysed(name, text, type, 0, titleWords);
    }

    /** The body field, analysed as {@code body} is, noting its words. */
    Field body(String name, String text, FieldType type) {
        return new Analysed(name, text, type, 1, null);
    }

    /** A text field whose tokens come from this thread's chain, teeing words into this article. */
    private final class Analysed extends Field {
        private final int chain;
        private final List<String> alsoTo;

        Analysed(String name, String text, FieldType type, int chain, List<String> alsoTo) {
            super(name, text, type);
            this.chain = chain;
            this.alsoTo = alsoTo;
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            Chain c = CHAINS.get()[chain];
            c.tee.into(words, alsoTo);
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

    /** Every distinct word of the title and body, once each (the field keeps no frequencies). */
    TokenStream words() {
        return new WordList(() -> words);
    }

    /** The words of the title. */
    TokenStream titleWords() {
        return new WordList(() -> titleWords);
    }

    /** Every 1 to {@value WordAnalyzers#MAX_PREFIX} character prefix of every title word. */
    TokenStream titlePrefixes() {
        return prefixes(new WordList(() -> titleWords));
    }

    /** The prefixes of the title's first word. */
    TokenStream titleLead() {
        return prefixes(new WordList(() -> titleWords.isEmpty() ? List.of() : titleWords.subList(0, 1)));
    }

    private static TokenStream prefixes(TokenStream words) {
        return new EdgeNGramTokenFilter(words, 1, WordAnalyzers.MAX_PREFIX, true);
    }

    /** Passes every token on, adding its text to an article's words (and to {@code alsoTo}). */
    private static final class Tee extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private CharArraySet words;
        private List<String> alsoTo;

        Tee(TokenStream in) {
            super(in);
        }

        void into(CharArraySet words, List<String> alsoTo) {
            this.words = words;
            this.alsoTo = alsoTo;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (!words.contains(term.buffer(), 0, term.length())) {
                words.add(term.toString());
            }
            if (alsoTo != null) {
                alsoTo.add(term.toString());
            }
            return true;
        }
    }

    /** The words a supplier gives when the stream is reset, one token each (char[] or String). */
    private static final class WordList extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Supplier<Collection<?>> source;
        private Iterator<?> next;

        WordList(Supplier<Collection<?>> source) {
            this.source = source;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            // Read now, when the field is indexed, after the title and body streams have run.
            next = source.get().iterator();
        }

        @Override
        public boolean incrementToken() {
            if (next == null || !next.hasNext()) {
                return false;
            }
            clearAttributes();
            Object word = next.next();
            if (word instanceof char[] chars) {
                term.copyBuffer(chars, 0, chars.length);
            } else {
                term.setEmpty().append((String) word);
            }
            return true;
        }
    }
}
