package dev.lede.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lede.internal.schema.Schema;
import dev.lede.query.QuerySyntaxException;
import org.junit.jupiter.api.Test;

/**
 * Lucene's classic syntax. Error positions are 0-based offsets into the query text: the first
 * offending character, or the text's length when the text ends too early.
 */
class StrictParserTest {
    private final StrictParser parser = new StrictParser(new Schema());

    private QuerySyntaxException error(String text) {
        return catchThrowableOfType(QuerySyntaxException.class, () -> parser.parse(text));
    }

    @Test
    void parse_unclosedQuoteAtEnd_positionIsEndOfInput() {
        // "adams AND (\"" is 12 characters; the quote opened at 11 never closes.
        QuerySyntaxException e = error("adams AND (\"");

        assertThat(e.position()).isEqualTo(12);
        assertThat(e.query()).isEqualTo("adams AND (\"");
        assertThat(e.problem()).isEqualTo("the query ends too early (an unclosed quote?)");
        assertThat(e.getMessage())
                .isEqualTo("query syntax error at position 12: the query ends too early (an unclosed quote?)");
    }

    @Test
    void parse_operatorAfterOperator_positionIsTheSecondOperator() {
        // a-d-a-m-s(0-4) space(5) A-N-D(6-8) space(9) O-R(10-11): OR at 10 is the offending token.
        QuerySyntaxException e = error("adams AND OR x");

        assertThat(e.position()).isEqualTo(10);
    }

    @Test
    void parse_operatorAfterOperator_problemIsOneReadableLine() {
        QuerySyntaxException e = error("adams AND OR x");

        assertThat(e.problem()).doesNotContain("\n").contains("OR");
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    @Test
    void parse_unclosedParenthesis_positionIsEndOfInput() {
        QuerySyntaxException e = error("adams AND (");

        assertThat(e.position()).isEqualTo(11);
    }

    @Test
    void parse_strayClosingParenthesis_positionIsTheParenthesis() {
        QuerySyntaxException e = error("a)");

        assertThat(e.position()).isEqualTo(1);
    }

    @Test
    void parse_fieldWithoutValue_positionIsEndOfInput() {
        QuerySyntaxException e = error("title:");

        assertThat(e.position()).isEqualTo(6);
    }

    @Test
    void parse_operatorAtStart_positionIsZero() {
        QuerySyntaxException e = error("OR adams");

        assertThat(e.position()).isEqualTo(0);
    }

    @Test
    void parse_leadingWildcard_isRefusedAtTheWildcard() {
        QuerySyntaxException e = error("*ams");

        assertThat(e.position()).isEqualTo(0);
    }

    @Test
    void parse_wordsAndPhrase_searchTitleAndBody() {
        assertThat(parser.parse("sanctuary \"new york\"").toString())
                .isEqualTo(
                        "((title:sanctuari)^0.5 (body:sanctuari)^1.0) ((title:\"new york\")^0.5 (body:\"new york\")^1.0)");
    }

    @Test
    void parse_booleanOperatorsAndFields_useSchemaFieldNames() {
        assertThat(parser.parse("title:adams AND NOT source:wikinews").toString())
                .isEqualTo("+title:adam -source:wikinews");
    }

    @Test
    void parse_trailingWildcard_isAllowed() {
        assertThat(parser.parse("deport*").toString()).isEqualTo("(title:deport*)^0.5 (body:deport*)^1.0");
    }

    @Test
    void parse_costlyRegularExpressions_areRefusedAtTheirSlash() {
        QuerySyntaxException repeat = org.assertj.core.api.Assertions.catchThrowableOfType(
                QuerySyntaxException.class, () -> parser.parse("adams body:/[^a]{1,100000}/"));
        assertThat(repeat.position()).isEqualTo(11);
        assertThat(repeat.problem()).isEqualTo("a regular expression may repeat at most 100 times, not 100000");

        QuerySyntaxException longOne = org.assertj.core.api.Assertions.catchThrowableOfType(
                QuerySyntaxException.class, () -> parser.parse("/" + "a".repeat(201) + "/"));
        assertThat(longOne.position()).isZero();
        assertThat(longOne.problem()).isEqualTo("a regular expression may be at most 200 characters");

        QuerySyntaxException malformed = org.assertj.core.api.Assertions.catchThrowableOfType(
                QuerySyntaxException.class, () -> parser.parse("adams /a{x/"));
        assertThat(malformed.position()).isEqualTo(6);
        assertThat(malformed.problem()).startsWith("not a valid regular expression: ");

        assertThat(parser.parse("/ad[a-z]{1,5}/").toString())
                .isEqualTo("(title:/ad[a-z]{1,5}/)^0.5 (body:/ad[a-z]{1,5}/)^1.0");
    }

    @Test
    void parse_aRegularExpressionTooComplexToBuild_isASyntaxErrorAtItsSlash() {
        // Each extra (a|b) doubles the states of the automaton Lucene must build: 2^20 here.
        QuerySyntaxException e = error("adams /(a|b)*a(a|b){20}/");

        assertThat(e.position()).isEqualTo(6);
        assertThat(e.problem()).isEqualTo("a wildcard or regular expression is too complex to run");
    }
}
