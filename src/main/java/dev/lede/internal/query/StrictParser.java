package dev.lede.internal.query;

import dev.lede.internal.schema.Schema;
import dev.lede.query.QuerySyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Lucene's classic syntax through Lucene's own parser, over the schema's default fields and
 * weights. Lucene's guards stay on: the clause limit and no leading wildcards. Errors become a
 * {@link QuerySyntaxException} with the 0-based offset of the first offending character.
 */
public final class StrictParser {
    private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");
    private static final String LEADING_WILDCARD = "not allowed as first character";
    private static final Pattern WILDCARD_START = Pattern.compile("(?:^|[\\s(:+\\-])([*?])");

    private final Schema schema;

    public StrictParser(Schema schema) {
        this.schema = schema;
    }

    public Query parse(String text) {
        String[] fields =
                schema.defaultFields().stream().map(Schema.WeightedField::name).toArray(String[]::new);
        Map<String, Float> boosts = new HashMap<>();
        schema.defaultFields().forEach(f -> boosts.put(f.name(), f.weight()));
        // A parser is cheap and not thread-safe: one per query.
        MultiFieldQueryParser parser = new BoundedParser(fields, schema.queryAnalyzer(), boosts);
        parser.setAllowLeadingWildcard(false);
        try {
            return parser.parse(text);
        } catch (CostlyRegexp e) {
            throw new QuerySyntaxException(text, Math.max(0, text.indexOf(e.regexp) - 1), e.getMessage());
        } catch (ParseException e) {
            if (e.getCause() instanceof CostlyRegexp costly) {
                throw new QuerySyntaxException(text, Math.max(0, text.indexOf(costly.regexp) - 1), costly.getMessage());
            }
            throw new QuerySyntaxException(text, position(text, e), problem(e));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QuerySyntaxException(text, text.length(), tooManyClauses());
        } catch (TooComplexToDeterminizeException e) {
            // A wildcard or regular expression whose automaton would take too much work to build.
            throw new QuerySyntaxException(
                    text, complexTermPosition(text), "a wildcard or regular expression is too complex to run");
        }
    }

    // The first regular expression or wildcard term: the likely culprit.
    private static int complexTermPosition(String text) {
        Matcher m = COMPLEX_TERM.matcher(text);
        return m.find() ? m.start() : 0;
    }

    private static final Pattern COMPLEX_TERM = Pattern.compile("/|\\S*[*?]");

    /** Longest regular expression, and largest repeat count in one, that a query may hold. */
    static final int MAX_REGEXP_CHARS = 200;

    static final int MAX_REGEXP_REPEAT = 100;

    private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)(?:,(\\d*))?\\}");

    /**
     * Lucene's parser with a bound on regular expressions: building the automaton of {@code
     * /[^a]{1,100000}/} takes most of a minute before any time limit could apply, so such a query is
     * refused up front.
     */
    private static final class BoundedParser extends MultiFieldQueryParser {
        BoundedParser(String[] fields, org.apache.lucene.analysis.Analyzer analyzer, Map<String, Float> boosts) {
            super(fields, analyzer, boosts);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            if (termStr.length() > MAX_REGEXP_CHARS) {
                throw new CostlyRegexp(
                        termStr, "a regular expression may be at most " + MAX_REGEXP_CHARS + " characters");
            }
            Matcher m = REPEAT.matcher(termStr);
            while (m.find()) {
                for (String bound : new String[] {m.group(1), m.group(2)}) {
                    if (bound != null
                            && !bound.isEmpty()
                            && (bound.length() > 4 || Integer.parseInt(bound) > MAX_REGEXP_REPEAT)) {
                        throw new CostlyRegexp(
                                termStr,
                                "a regular expression may repeat at most " + MAX_REGEXP_REPEAT + " times, not "
                                        + bound);
                    }
                }
            }
            try {
                return super.getRegexpQuery(field, termStr);
            } catch (IllegalArgumentException e) {
                throw new CostlyRegexp(termStr, "not a valid regular expression: " + e.getMessage());
            }
        }
    }

    /** A regular expression too costly to run, or malformed, with its text for the error position. */
    private static final class CostlyRegexp extends ParseException {
        private static final long serialVersionUID = 1L;
        final String regexp;

        CostlyRegexp(String regexp, String message) {
            super(message);
            this.regexp = regexp;
        }
    }

    // Lucene wraps the parser's own exception (which has the offending token) in the one it throws.
    // Its FastCharStream reports line 1 and a column that is the 0-based offset in the text.
    private static int position(String text, ParseException e) {
        Token bad = offendingToken(e);
        if (bad != null) {
            return bad.kind == QueryParserConstants.EOF ? text.length() : clamp(text, bad.beginColumn);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains(LEADING_WILDCARD)) {
            Matcher w = WILDCARD_START.matcher(text);
            return w.find() ? w.start(1) : 0;
        }
        Matcher m = LEXICAL_POSITION.matcher(message);
        return m.find() ? clamp(text, Integer.parseInt(m.group(2))) : text.length();
    }

    private static String problem(ParseException e) {
        Token bad = offendingToken(e);
        if (bad != null) {
            return bad.kind == QueryParserConstants.EOF ? "the query ends too early" : "unexpected '" + bad.image + "'";
        }
        if (e.getCause() instanceof IndexSearcher.TooManyClauses) {
            return tooManyClauses();
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains(LEADING_WILDCARD)) {
            return "a term cannot start with '*' or '?'";
        }
        if (message.contains("<EOF>")) {
            return "the query ends too early (an unclosed quote?)";
        }
        String first = message.lines().findFirst().orElse(message);
        int colon = first.indexOf("': ");
        return colon > 0 ? first.substring(colon + 3).strip() : first.strip();
    }

    private static Token offendingToken(ParseException e) {
        ParseException inner = e.getCause() instanceof ParseException p ? p : e;
        Token current = inner.currentToken;
        return current != null ? current.next : null;
    }

    private static int clamp(String text, int offset) {
        return Math.max(0, Math.min(text.length(), offset));
    }

    static String tooManyClauses() {
        return "too many clauses (at most " + IndexSearcher.getMaxClauseCount() + ")";
    }
}
