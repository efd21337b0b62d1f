package dev.lede.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.internal.query.QueryNode.Clause;
import dev.lede.internal.query.QueryNode.Group;
import dev.lede.internal.query.QueryNode.Occur;
import dev.lede.internal.query.QueryNode.Phrase;
import dev.lede.internal.query.QueryNode.Word;
import dev.lede.internal.schema.Schema;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LenientParserTest {
    private final LenientParser parser = new LenientParser(new Schema()::scope);

    private static Group group(Clause... clauses) {
        return new Group(List.of(clauses));
    }

    private static Clause should(QueryNode node) {
        return new Clause(Occur.SHOULD, node);
    }

    private static Clause must(QueryNode node) {
        return new Clause(Occur.MUST, node);
    }

    private static Clause mustNot(QueryNode node) {
        return new Clause(Occur.MUST_NOT, node);
    }

    private static Word word(String text) {
        return new Word(null, text);
    }

    private static Word word(String field, String text) {
        return new Word(field, text);
    }

    private static Phrase phrase(String text) {
        return new Phrase(null, text);
    }

    private static Phrase phrase(String field, String text) {
        return new Phrase(field, text);
    }

    @Test
    void parse_bareWords_areOptional() {
        assertThat(parser.parse("sanctuary laws")).isEqualTo(group(should(word("sanctuary")), should(word("laws"))));
    }

    @Test
    void parse_extraWhiteSpace_isIgnored() {
        assertThat(parser.parse("  sanctuary \t\n laws  "))
                .isEqualTo(group(should(word("sanctuary")), should(word("laws"))));
    }

    @Test
    void parse_plusWord_isRequired() {
        assertThat(parser.parse("+adams laws")).isEqualTo(group(must(word("adams")), should(word("laws"))));
    }

    @Test
    void parse_straightQuotes_makeAPhrase() {
        assertThat(parser.parse("\"sanctuary laws\" adams"))
                .isEqualTo(group(should(phrase("sanctuary laws")), should(word("adams"))));
    }

    @Test
    void parse_curlyQuotes_makeAPhrase() {
        assertThat(parser.parse("“sanctuary laws”")).isEqualTo(group(should(phrase("sanctuary laws"))));
    }

    @Test
    void parse_lowAndGuillemetQuotes_makePhrases() {
        assertThat(parser.parse("„sanctuary laws“ «new york»"))
                .isEqualTo(group(should(phrase("sanctuary laws")), should(phrase("new york"))));
    }

    @Test
    void parse_phraseWithSpacesInsideQuotes_isStripped() {
        assertThat(parser.parse("\" sanctuary laws \"")).isEqualTo(group(should(phrase("sanctuary laws"))));
    }

    @Test
    void parse_requiredPhrase_isRequired() {
        assertThat(parser.parse("+\"new york\"")).isEqualTo(group(must(phrase("new york"))));
    }

    @Test
    void parse_minusWord_excludes() {
        assertThat(parser.parse("adams -chicago")).isEqualTo(group(should(word("adams")), mustNot(word("chicago"))));
    }

    @Test
    void parse_minusPhrase_excludesThePhrase() {
        assertThat(parser.parse("-\"new york\" adams"))
                .isEqualTo(group(mustNot(phrase("new york")), should(word("adams"))));
        assertThat(parser.parse("-“new york”")).isEqualTo(group(mustNot(phrase("new york"))));
    }

    @Test
    void parse_hyphenInsideAWord_isPartOfTheWord() {
        assertThat(parser.parse("anti-war protest"))
                .isEqualTo(group(should(word("anti-war")), should(word("protest"))));
        assertThat(parser.parse("-anti-war")).isEqualTo(group(mustNot(word("anti-war"))));
    }

    @Test
    void parse_loneOperators_arePlainText() {
        assertThat(parser.parse("adams - laws +"))
                .isEqualTo(group(should(word("adams")), should(word("-")), should(word("laws")), should(word("+"))));
    }

    @Test
    void parse_knownScopes_mapToTheirFields() {
        assertThat(parser.parse("title:adams body:laws source:wikinews author:doe topic:politics"))
                .isEqualTo(group(
                        should(word(Schema.TITLE, "adams")),
                        should(word(Schema.BODY, "laws")),
                        should(word(Schema.SOURCE, "wikinews")),
                        should(word(Schema.AUTHOR, "doe")),
                        should(word(Schema.TOPIC, "politics"))));
    }

    @Test
    void parse_scopeNames_areCaseInsensitive() {
        assertThat(parser.parse("TITLE:adams")).isEqualTo(group(should(word(Schema.TITLE, "adams"))));
    }

    @Test
    void parse_scopedPhrase_isAPhraseInTheField() {
        assertThat(parser.parse("title:\"new york\" source:“example news”"))
                .isEqualTo(
                        group(should(phrase(Schema.TITLE, "new york")), should(phrase(Schema.SOURCE, "example news"))));
    }

    @Test
    void parse_scopeWithPrefixOperators_keepsTheOperators() {
        assertThat(parser.parse("+title:adams -source:\"fox news\""))
                .isEqualTo(group(must(word(Schema.TITLE, "adams")), mustNot(phrase(Schema.SOURCE, "fox news"))));
    }

    @Test
    void parse_unknownScope_isPlainText() {
        assertThat(parser.parse("foo:bar")).isEqualTo(group(should(word("foo")), should(word("bar"))));
        assertThat(parser.parse("language:en")).isEqualTo(group(should(word("language")), should(word("en"))));
    }

    @Test
    void parse_colonInsideAWord_separatesWords() {
        assertThat(parser.parse("10:30")).isEqualTo(group(should(word("10")), should(word("30"))));
    }

    @Test
    void parse_scopeFollowedBySpace_isPlainText() {
        assertThat(parser.parse("title: adams")).isEqualTo(group(should(word("title")), should(word("adams"))));
    }

    @Test
    void parse_booleanOperatorsAndParentheses_arePlainText() {
        assertThat(parser.parse("adams AND (laws OR x) NOT y"))
                .isEqualTo(group(
                        should(word("adams")),
                        should(word("AND")),
                        should(word("(laws")),
                        should(word("OR")),
                        should(word("x)")),
                        should(word("NOT")),
                        should(word("y"))));
    }

    @Test
    void parse_notBeforeAWord_doesNotExclude() {
        assertThat(parser.parse("NOT chicago")).isEqualTo(group(should(word("NOT")), should(word("chicago"))));
    }

    @Test
    void parse_unbalancedQuote_degradesToWords() {
        assertThat(parser.parse("\"unbalanced quote"))
                .isEqualTo(group(should(word("unbalanced")), should(word("quote"))));
        assertThat(parser.parse("adams \"new york"))
                .isEqualTo(group(should(word("adams")), should(word("new")), should(word("york"))));
    }

    @Test
    void parse_strictSyntaxErrorText_degradesToWords() {
        assertThat(parser.parse("adams AND (\""))
                .isEqualTo(group(should(word("adams")), should(word("AND")), should(word("("))));
    }

    @Test
    void parse_emptyQuotes_areDropped() {
        assertThat(parser.parse("adams \"\" “ ”")).isEqualTo(group(should(word("adams"))));
    }

    @Test
    void parse_emptyOrBlank_givesEmptyGroup() {
        assertThat(parser.parse("")).isEqualTo(group());
        assertThat(parser.parse(" \t\n ")).isEqualTo(group());
    }

    @Test
    void parseWords_everythingIsAWord() {
        assertThat(LenientParser.parseWords("+adams \"sanctuary laws\" -chicago"))
                .isEqualTo(group(
                        should(word("+adams")),
                        should(word("sanctuary")),
                        should(word("laws")),
                        should(word("-chicago"))));
    }

    @Test
    void parseWords_scopesAreNotSyntax() {
        assertThat(LenientParser.parseWords("title:adams"))
                .isEqualTo(group(should(word("title")), should(word("adams"))));
    }

    @Test
    void parseWords_blank_givesEmptyGroup() {
        assertThat(LenientParser.parseWords("   ")).isEqualTo(group());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"",
                "“",
                "+",
                "-",
                "-\"",
                "+\"\"",
                "title:",
                "title:\"",
                "::",
                "-title:",
                "\"\"\"",
                "+-+-",
                "a:\"b"
            })
    void parse_oddInput_neverThrows(String text) {
        Group g = parser.parse(text);

        assertThat(g.clauses()).allSatisfy(c -> assertThat(c.node()).isNotInstanceOf(Group.class));
    }

    @Test
    void parse_randomText_neverThrows() {
        long seed = 20250214L;
        System.out.println("LenientParserTest random seed: " + seed);
        Random random = new Random(seed);
        String alphabet = "ab \"“”„«»+-:()tile*?~^\\\t\n";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(16);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            parser.parse(text.toString());
            LenientParser.parseWords(text.toString());
        }
    }
}
