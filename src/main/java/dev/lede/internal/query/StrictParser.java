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

/**
 * Lucene's classic syntax through Lucene's own parser, over the schema's default fields and
 * weights. Lucene's guards stay on: the clause limit and no leading wildcards. Errors become a
 * {@link QuerySyntaxException} with the 0-based offset of the first offending character.
 */
public final class StrictParser {
    private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

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
        MultiFieldQueryParser parser = new MultiFieldQueryParser(fields, schema.analyzer(), boosts);
        parser.setAllowLeadingWildcard(false);
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            throw new QuerySyntaxException(text, position(text, e), problem(e));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QuerySyntaxException(
                    text, 0, "too many clauses (at most " + IndexSearcher.getMaxClauseCount() + ")");
        }
    }

    private static int position(String text, ParseException e) {
        Token current = e.currentToken;
        if (current != null && current.next != null) {
            Token bad = current.next;
            if (bad.kind == QueryParserConstants.EOF) {
                return text.length();
            }
            return offset(text, bad.beginLine, bad.beginColumn);
        }
        // Lexical errors (an unclosed quote) only say where, in their message.
        Matcher m = LEXICAL_POSITION.matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
            return offset(text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return text.length();
    }

    /** 0-based offset of a 1-based line and column, clamped to the text. */
    private static int offset(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset < text.length(); l++) {
            int nl = text.indexOf('\n', offset);
            offset = nl < 0 ? text.length() : nl + 1;
        }
        return Math.max(0, Math.min(text.length(), offset + column - 1));
    }

    private static String problem(ParseException e) {
        Token current = e.currentToken;
        if (current != null && current.next != null) {
            Token bad = current.next;
            return bad.kind == QueryParserConstants.EOF ? "the query ends too early" : "unexpected '" + bad.image + "'";
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("<EOF>")) {
            return "the query ends too early (an unclosed quote?)";
        }
        int colon = message.indexOf(": ");
        return colon > 0 ? message.substring(colon + 2).strip() : message;
    }
}
