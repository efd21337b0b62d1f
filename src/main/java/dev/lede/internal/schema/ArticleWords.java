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
 * word fields that read what they saw ({@link #words(String, FieldType)} and the title ones). One instance per
 * document; not thread-safe.
 *
 * <p>Nothing is allocated per article beyond the fields themselves: the words go into a buffer of
 * the indexing thread, taken when Lucene asks for the first of the article's text fields, and the
 * word fields' token streams are the thread's too, reused as an {@link Analyzer} reuses its own.
 * Both are bound to the article when Lucene asks each field for its tokens, so a document may be
 * built on one thread and indexed on another, or several built before any is indexed.
 */
final class ArticleWords {
    // The title and body chains of each indexing thread, reused from article to article as an
    // Analyzer reuses its own: taken when Lucene asks the field for its tokens, given back when the
    // field is done (Lucene inverts one field at a time on the thread that adds the document).
    private static final ThreadLocal<Chain[]> CHAINS =
            ThreadLocal.withInitial(() -> new Chain[] {new Chain(), new Chain()});

    // Each indexing thread's word buffer and word-field streams, bound to one article at a time.
    private static final ThreadLocal<Words> WORDS = ThreadLocal.withInitial(Words::new);
    private static final ThreadLocal<WordStreams> STREAMS = ThreadLocal.withInitial(WordStreams::new);

    private static final Words NONE = new Words();

    // The indexing thread's buffer, from the article's first text field on (null before).
    private Words words;

    /** The title field, analysed as {@code title} is, noting its words. */
    Field title(String name, String text, FieldType type) {
        return new Analysed(name, text, type, 0, true);
    }

    /** The body field, analysed as {@code body} is, noting its words. */
    Field body(String name, String text, FieldType type) {
        return new Analysed(name, text, type, 1, false);
    }

    /** Every word of the title and body without a digit, each once (the field keeps no frequencies). */
    Field words(String name, FieldType type) {
        return new WordField(name, type, WordStreams.ALL);
    }

    /** The words of the title. */
    Field titleWords(String name, FieldType type) {
        return new WordField(name, type, WordStreams.TITLE);
    }

    /** Every 1 to {@value WordAnalyzers#MAX_PREFIX} character prefix of every title word. */
    Field titlePrefixes(String name, FieldType type) {
        return new WordField(name, type, WordStreams.TITLE_PREFIXES);
    }

    /** The prefixes of the title's first word. */
    Field titleLead(String name, FieldType type) {
        return new WordField(name, type, WordStreams.TITLE_LEAD);
    }

    /**
     * This article's words: the thread's buffer, emptied when the title (or a first text field)
     * asks, so a document indexed twice sees its words once.
     */
    private Words words(boolean ofTitle) {
        if (words == null || ofTitle) {
            words = WORDS.get();
            words.clear();
        }
        return words;
    }

    /**
     * Every distinct word seen, title first, one after the other in one buffer (no String per word).
     * The word fields keep no frequencies, so a repeat would only cost Lucene a term-hash look-up
     * for nothing: it is dropped here instead, by a small open-addressing table over the buffer
     * (two to three fifths of an article's words are repeats in Reuters, BBC and Wikinews articles,
     * most of them stop words). A body word already in the title is not added again: the title's
     * words come first and are all words too.
     */
    private static final class Words {
        private static final int INITIAL_CHARS = 2048;
        private static final int INITIAL_WORDS = 256;
        // Buffers grown past these for a long article go back to the initial sizes afterwards.
        private static final int KEPT_CHARS = 1 << 16;
        private static final int KEPT_WORDS = 1 << 13;
        // Slots a word looks at before it is kept without a check. The hash is a plain polynomial,
        // so an article can be written whose words all share one (like "an" and "c0"); without
        // this bound each such word would pass every earlier one, and such an article would take
        // time growing with the square of its length. A word kept twice costs nothing but Lucene
        // dropping the repeat, as it did before this table.
        private static final int MAX_PROBES = 16;
        // slotOf for a word kept without entering the table.
        private static final int UNLISTED = -1;

        private char[] chars = new char[INITIAL_CHARS];
        private int[] ends = new int[INITIAL_WORDS];
        private int[] hashes = new int[INITIAL_WORDS];
        private int[] slotOf = new int[INITIAL_WORDS];
        // Word number + 1 in each used slot, 0 in a free one; at most a quarter full.
        private int[] slots = new int[INITIAL_WORDS * 4];
        // The numbers of the words without a digit, in order: the spelling field's words.
        private int[] digitFree = new int[INITIAL_WORDS];
        private int count;
        private int titleCount;
        private int digitFreeCount;

        void clear() {
            if (chars.length > KEPT_CHARS) {
                chars = new char[INITIAL_CHARS];
            }
            if (ends.length > KEPT_WORDS) {
                ends = new int[INITIAL_WORDS];
                hashes = new int[INITIAL_WORDS];
                slotOf = new int[INITIAL_WORDS];
                slots = new int[INITIAL_WORDS * 4];
                digitFree = new int[INITIAL_WORDS];
            } else {
                for (int w = 0; w < count; w++) {
                    if (slotOf[w] != UNLISTED) {
                        slots[slotOf[w]] = 0;
                    }
                }
            }
            count = 0;
            titleCount = 0;
            digitFreeCount = 0;
        }

        void add(char[] word, int length, boolean ofTitle) {
            int hash = 0;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + word[i];
            }
            hash *= 0x9E3779B9;
            int mask = slots.length - 1;
            int slot = slot(hash, mask);
            for (int used, probes = 0; (used = slots[slot]) != 0; slot = (slot + 1) & mask) {
                int w = used - 1;
                int start = start(w);
                if (hashes[w] == hash
                        && ends[w] - start == length
                        && Arrays.equals(chars, start, start + length, word, 0, length)) {
                    return;
                }
                if (++probes == MAX_PROBES) {
                    slot = UNLISTED;
                    break;
                }
            }
            int start = start(count);
            if (start + length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, start + length));
            }
            System.arraycopy(word, 0, chars, start, length);
            ends[count] = start + length;
            hashes[count] = hash;
            slotOf[count] = slot;
            if (!WordAnalyzers.hasDigit(word, 0, length)) {
                digitFree[digitFreeCount++] = count;
            }
            count++;
            if (slot != UNLISTED) {
                slots[slot] = count;
            }
            if (ofTitle) {
                titleCount++;
            }
            if (count == ends.length) {
                grow();
            }
        }

        private int start(int word) {
            return word == 0 ? 0 : ends[word - 1];
        }

        /** Room for twice the words, in a table twice the size (a quarter full again). */
        private void grow() {
            ends = Arrays.copyOf(ends, count * 2);
            hashes = Arrays.copyOf(hashes, count * 2);
            slotOf = Arrays.copyOf(slotOf, count * 2);
            digitFree = Arrays.copyOf(digitFree, count * 2);
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int w = 0; w < count; w++) {
                if (slotOf[w] == UNLISTED) {
                    continue;
                }
                int slot = slot(hashes[w], mask);
                for (int probes = 0; slots[slot] != 0; slot = (slot + 1) & mask) {
                    if (++probes == MAX_PROBES) {
                        slot = UNLISTED;
                        break;
                    }
                }
                if (slot != UNLISTED) {
                    slots[slot] = w + 1;
                }
                slotOf[w] = slot;
            }
        }

        private static int slot(int hash, int mask) {
            return (hash ^ (hash >>> 16)) & mask;
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
            c.tee.into(words(ofTitle), ofTitle);
            c.source.setReader(new StringReader(stringValue()));
            return c.stream;
        }
    }

    /** A word field: this thread's stream for it, reading this article's words. */
    private final class WordField extends Field {
        private final int kind;

        WordField(String name, FieldType type, int kind) {
            super(name, type);
            this.kind = kind;
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            // After the title and body, whose analysis filled the words; none if they are absent.
            return STREAMS.get().of(kind, words == null ? NONE : words);
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
        private Words words;
        private boolean ofTitle;

        Tee(TokenStream in) {
            super(in);
        }

        void into(Words words, boolean ofTitle) {
            this.words = words;
            this.ofTitle = ofTitle;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            words.add(term.buffer(), term.length(), ofTitle);
            return true;
        }
    }

    /** One indexing thread's streams for the four word fields. */
    private static final class WordStreams {
        static final int ALL = 0;
        static final int TITLE = 1;
        static final int TITLE_PREFIXES = 2;
        static final int TITLE_LEAD = 3;

        private final OfWords[] streams = {
            new WordList(OfWords.SPELLING),
            new WordList(OfWords.TITLE),
            new Prefixes(OfWords.TITLE),
            new Prefixes(OfWords.FIRST)
        };

        TokenStream of(int kind, Words words) {
            streams[kind].words = words;
            return streams[kind];
        }
    }

    /**
     * A token stream over a list of one article's words, bound to the article when its field is
     * indexed: for spelling all of them but those with a digit (as {@link
     * WordAnalyzers#spellingWords()} gives them), the title's, or the title's first.
     */
    private abstract static class OfWords extends TokenStream {
        static final int SPELLING = 0;
        static final int TITLE = 1;
        static final int FIRST = 2;

        final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        final int which;
        Words words;
        // The next word of the list to read, and how many the list holds.
        int next;
        int end;

        OfWords(int which) {
            this.which = which;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
            end = listed();
        }

        /**
         * How many words the list holds; asked when the field is indexed, after the title and body
         * streams have filled the words.
         */
        int listed() {
            return switch (which) {
                case SPELLING -> words.digitFreeCount;
                case TITLE -> words.titleCount;
                default -> Math.min(words.titleCount, 1);
            };
        }
    }

    /** The words of a list, one term each. */
    private static final class WordList extends OfWords {
        WordList(int which) {
            super(which);
        }

        // No loop: a flight recording showed a loop that skipped words with a digit here making the
        // JIT throw away, early in the ingest, the Lucene inversion code it is inlined into.
        @Override
        public boolean incrementToken() {
            if (next == end) {
                return false;
            }
            int word = which == SPELLING ? words.digitFree[next] : next;
            next++;
            int start = words.start(word);
            clearAttributes();
            term.copyBuffer(words.chars, start, words.ends[word] - start);
            return true;
        }
    }

    /**
     * Every 1 to {@value WordAnalyzers#MAX_PREFIX} code point prefix of each word of a list (the
     * title's or its first), and a longer word whole: the terms {@link EdgeNGramTokenFilter} gives with
     * {@code preserveOriginal}, as {@link WordAnalyzers#prefixes} indexes them, copied straight from
     * the article's words (the filter copies the whole term buffer of every word it reads, and saves
     * and restores every attribute for each prefix).
     */
    private static final class Prefixes extends OfWords {
        // The current word's characters; how many code points the last prefix had (0 before the
        // word's first) and where it ended.
        private int start;
        private int wordEnd;
        private int gram;
        private int prefixEnd;

        Prefixes(int which) {
            super(which);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            gram = 0;
        }

        @Override
        public boolean incrementToken() {
            if (gram == 0) {
                if (next == end) {
                    return false;
                }
                start = words.start(next);
                wordEnd = words.ends[next];
                prefixEnd = start;
            }
            gram++;
            if (gram > WordAnalyzers.MAX_PREFIX) {
                prefixEnd = wordEnd; // a word longer than the longest prefix, whole
            } else {
                prefixEnd += Character.isHighSurrogate(words.chars[prefixEnd])
                                && prefixEnd + 1 < wordEnd
                                && Character.isLowSurrogate(words.chars[prefixEnd + 1])
                        ? 2
                        : 1;
            }
            if (prefixEnd == wordEnd) {
                gram = 0;
                next++;
            }
            clearAttributes();
            term.copyBuffer(words.chars, start, prefixEnd - start);
            return true;
        }
    }
}
