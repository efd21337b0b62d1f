package dev.lede.internal.query;

import java.util.List;
import java.util.Objects;

/**
 * Lede's own query tree: what user text means, before any engine sees it. The lenient and words
 * parsers build it; {@link LuceneCompiler} turns it into a Lucene query (an OpenSearch compiler can
 * sit beside it). A {@code field} of {@code null} means the default text fields.
 */
public sealed interface QueryNode permits QueryNode.Word, QueryNode.Phrase, QueryNode.Group {

    /** How a clause takes part in its group. */
    enum Occur {
        /** Optional and scored: more matching clauses, higher score. */
        SHOULD,
        /** Required and scored. */
        MUST,
        /** Excluded. */
        MUST_NOT
    }

    /** One word, analysed like the field's text; a word that analyses to several tokens is a phrase. */
    record Word(String field, String text) implements QueryNode {
        public Word {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Words that must appear next to each other, in order. */
    record Phrase(String field, String text) implements QueryNode {
        public Phrase {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A node with its occurrence in a group. */
    record Clause(Occur occur, QueryNode node) {
        public Clause {
            Objects.requireNonNull(occur, "occur");
            Objects.requireNonNull(node, "node");
        }
    }

    /** Clauses combined; all {@code SHOULD} clauses make an OR group. */
    record Group(List<Clause> clauses) implements QueryNode {
        public Group {
            clauses = List.copyOf(clauses);
        }
    }
}
