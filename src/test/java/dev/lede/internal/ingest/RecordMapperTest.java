package dev.lede.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.ingest.IngestProblem;
import dev.lede.ingest.IngestProblem.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The field names applications use, mapped to an article's values, and the extra values. */
class RecordMapperTest {
    private final ReportCollector report = new ReportCollector();

    /** Maps one record as line 3 of {@code feed.jsonl}; fails the test when it is not mapped. */
    private Article map(String json) throws JsonProcessingException {
        Article article = RecordMapper.map(RecordMapper.JSON.readTree(json), "feed.jsonl", 3, report);
        assertThat(article).as("mapped %s, report %s", json, report.problems()).isNotNull();
        return article;
    }

    // --- alias groups

    @ParameterizedTest
    @ValueSource(strings = {"id", "_id", "guid"})
    void map_idAliases_giveTheId(String name) throws JsonProcessingException {
        assertThat(map("{\"" + name + "\": \"story-7\", \"title\": \"T\"}").id())
                .isEqualTo("story-7");
    }

    @Test
    void map_idAliases_firstInOrderIdThenUnderscoreIdThenGuid() throws JsonProcessingException {
        assertThat(map("{\"guid\": \"g\", \"_id\": \"u\", \"id\": \"i\", \"title\": \"T\"}")
                        .id())
                .isEqualTo("i");
        assertThat(map("{\"guid\": \"g\", \"_id\": \"u\", \"title\": \"T\"}").id())
                .isEqualTo("u");
    }

    @Test
    void map_numericId_isItsText() throws JsonProcessingException {
        assertThat(map("{\"id\": 12793, \"title\": \"T\"}").id()).isEqualTo("12793");
    }

    @Test
    void map_missingOrBlankId_getsFileHashPosition() throws JsonProcessingException {
        assertThat(map("{\"title\": \"T\"}").id()).isEqualTo("feed.jsonl#3");
        assertThat(map("{\"id\": \"  \", \"title\": \"T\"}").id()).isEqualTo("feed.jsonl#3");
        assertThat(map("{\"id\": null, \"title\": \"T\"}").id()).isEqualTo("feed.jsonl#3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "headline"})
    void map_titleAliases_giveTheTitle(String name) throws JsonProcessingException {
        assertThat(map("{\"id\": \"a\", \"" + name + "\": \"  Harbor reopens  \"}")
                        .title())
                .isEqualTo("Harbor reopens");
    }

    @ParameterizedTest
    @ValueSource(strings = {"body", "text", "content", "article"})
    void map_bodyAliases_giveTheBody(String name) throws JsonProcessingException {
        Article a = map("{\"id\": \"a\", \"title\": \"T\", \"" + name + "\": \"First line.\\r\\n\\r\\nSecond.\"}");

        assertThat(a.body()).isEqualTo("First line.\n\nSecond.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"published", "date", "pubDate", "published_at", "datePublished"})
    void map_publishedAliases_giveTheDate(String name) throws JsonProcessingException {
        assertThat(map("{\"id\": \"a\", \"title\": \"T\", \"" + name + "\": \"2025-01-14\"}")
                        .published())
                .isEqualTo(Published.parse("2025-01-14"));
        assertThat(report.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"url", "link"})
    void map_urlAliases_giveTheUrl(String name) throws JsonProcessingException {
        assertThat(map("{\"id\": \"a\", \"title\": \"T\", \"" + name + "\": \"https://example.com/a\"}")
                        .url())
                .isEqualTo("https://example.com/a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"author", "authors", "byline"})
    void map_authorAliases_takeAStringAnArrayOrNamedObjects(String name) throws JsonProcessingException {
        String field = "{\"id\": \"a\", \"title\": \"T\", \"" + name + "\": ";

        assertThat(map(field + "\"Jane Doe\"}").authors()).containsExactly("Jane Doe");
        assertThat(map(field + "[\"Jane Doe\", \"Bob Roe\"]}").authors()).containsExactly("Jane Doe", "Bob Roe");
        assertThat(map(field + "[{\"name\": \"Jane Doe\"}, {\"name\": \"Bob Roe\"}]}")
                        .authors())
                .containsExactly("Jane Doe", "Bob Roe");
        assertThat(map(field + "{\"name\": \"Jane Doe\", \"url\": \"https://example.com/jane\"}}")
                        .authors())
                .containsExactly("Jane Doe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"source", "site", "publisher"})
    void map_sourceAliases_takeAStringOrANamedObject(String name) throws JsonProcessingException {
        String field = "{\"id\": \"a\", \"title\": \"T\", \"" + name + "\": ";

        assertThat(map(field + "\"Example News\"}").source()).isEqualTo("Example News");
        assertThat(map(field + "{\"name\": \"Example News\", \"id\": \"ex\"}}").source())
                .isEqualTo("Example News");
    }

    @ParameterizedTest
    @ValueSource(strings = {"topics", "tags", "categories"})
    void map_topicAliases_takeAStringOrAnArray(String name) throws JsonProcessingException {
        String field = "{\"id\": \"a\", \"title\": \"T\", \"" + name + "\": ";

        assertThat(map(field + "\"weather\"}").topics()).containsExactly("weather");
        assertThat(map(field + "[\"politics\", \"budget\"]}").topics()).containsExactly("politics", "budget");
    }

    @ParameterizedTest
    @ValueSource(strings = {"language", "lang"})
    void map_languageAliases_giveTheLanguage(String name) throws JsonProcessingException {
        assertThat(map("{\"id\": \"a\", \"title\": \"T\", \"" + name + "\": \"de\"}")
                        .language())
                .isEqualTo("de");
    }

    @Test
    void map_everyGroupUnderItsAlias_givesTheWholeArticle() throws JsonProcessingException {
        Article a = map("{\"guid\": \"g-1\", \"headline\": \"Council votes\", \"content\": \"The council voted.\","
                + " \"pubDate\": \"Tue, 3 Jun 2008 11:05:30 GMT\", \"link\": \"https://example.com/g-1\","
                + " \"byline\": [{\"name\": \"Ana Lima\"}], \"publisher\": {\"name\": \"Gazette\"},"
                + " \"categories\": [\"politics\"], \"lang\": \"pt\"}");

        assertThat(a)
                .isEqualTo(Article.builder("g-1")
                        .title("Council votes")
                        .body("The council voted.")
                        .published(Published.parse("2008-06-03T11:05:30Z"))
                        .url("https://example.com/g-1")
                        .authors("Ana Lima")
                        .source("Gazette")
                        .topics("politics")
                        .language("pt")
                        .build());
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void map_noTitle_takesTheBodysFirstSentence() throws JsonProcessingException {
        assertThat(map("{\"id\": \"a\", \"text\": \"Rain fell all day. Roads closed.\"}")
                        .title())
                .isEqualTo("Rain fell all day");
    }

    // --- extra values

    @Test
    void map_unknownTopLevelScalars_becomeExtraValuesUnderCleanedNames() throws JsonProcessingException {
        Article a = map("{\"id\": \"a\", \"title\": \"T\", \"Section\": \"Sports\", \"word count\": 512,"
                + " \"is.paid\": true, \"Desk-Name\": \"Metro\", \"ratio\": 0.5}");

        assertThat(a.extra())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                        "desk-name", "Metro",
                        "is_paid", "true",
                        "ratio", "0.5",
                        "section", "Sports",
                        "word_count", "512")));
    }

    @Test
    void map_extraObjectEntries_becomeExtraValuesAndWinOverTopLevelOnes() throws JsonProcessingException {
        Article a = map(
                "{\"id\": \"a\", \"title\": \"T\", \"section\": \"top\","
                        + " \"extra\": {\"Section\": \"Sports\", \"tenant\": \"acme\", \"nested\": {\"x\": 1}, \"list\": [1]}}");

        assertThat(a.extra())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("section", "Sports", "tenant", "acme")));
    }

    @Test
    void map_unknownArraysObjectsAndNulls_areIgnored() throws JsonProcessingException {
        Article a = map("{\"id\": \"a\", \"title\": \"T\", \"places\": [\"usa\"], \"meta\": {\"desk\": \"metro\"},"
                + " \"note\": null, \"kept\": \"yes\"}");

        assertThat(a.extra()).containsExactlyEntriesOf(Map.of("kept", "yes"));
    }

    @Test
    void map_extraNamesNotStartingWithALetterOrTooLong_areDropped() throws JsonProcessingException {
        Article a = map("{\"id\": \"a\", \"title\": \"T\", \"2nd\": \"x\", \"_private\": \"x\", \"" + "n".repeat(65)
                + "\": \"x\", \"" + "m".repeat(64) + "\": \"kept\"}");

        assertThat(a.extra()).containsExactlyEntriesOf(Map.of("m".repeat(64), "kept"));
    }

    @Test
    void map_knownFieldNames_neverBecomeExtraValues() throws JsonProcessingException {
        Article a = map("{\"id\": \"a\", \"_id\": \"b\", \"guid\": \"c\", \"title\": \"T\", \"headline\": \"H\","
                + " \"body\": \"B\", \"text\": \"X\", \"published\": \"2025-01-01\", \"date\": \"2025-01-02\","
                + " \"url\": \"https://a\", \"link\": \"https://b\", \"source\": \"S\", \"site\": \"S2\","
                + " \"language\": \"en\", \"lang\": \"de\", \"byline\": \"By\", \"tags\": \"t\"}");

        assertThat(a.extra()).isEmpty();
        assertThat(a.title()).isEqualTo("T");
        assertThat(a.body()).isEqualTo("B");
        assertThat(a.published()).isEqualTo(Published.parse("2025-01-01"));
        assertThat(a.url()).isEqualTo("https://a");
        assertThat(a.source()).isEqualTo("S");
        assertThat(a.language()).isEqualTo("en");
    }

    // --- dates

    @Test
    void map_rfc1123Date_isReadWithItsOffset() throws JsonProcessingException {
        assertThat(map("{\"id\": \"a\", \"title\": \"T\", \"pubDate\": \"Tue, 3 Jun 2008 11:05:30 GMT\"}")
                        .published()
                        .toString())
                .isEqualTo("2008-06-03T11:05:30Z");
        assertThat(map("{\"id\": \"a\", \"title\": \"T\", \"pubDate\": \"Tue, 03 Jun 2008 11:05:30 +0200\"}")
                        .published()
                        .toString())
                .isEqualTo("2008-06-03T11:05:30+02:00");
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void map_reutersDate_isReadAsUtc() throws JsonProcessingException {
        assertThat(map("{\"id\": \"a\", \"title\": \"T\", \"date\": \"19-OCT-1987 15:05:12.27\"}")
                        .published()
                        .toString())
                .isEqualTo("1987-10-19T15:05:12.27Z");
        assertThat(map("{\"id\": \"a\", \"title\": \"T\", \"date\": \"26-FEB-1987 15:01:01.79\"}")
                        .published())
                .isEqualTo(Published.parse("1987-02-26T15:01:01.790Z"));
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void map_unreadableDate_warnsAndKeepsTheArticleUndated() throws JsonProcessingException {
        Article a = map("{\"id\": \"a\", \"title\": \"T\", \"date\": \"31-MAR-1987 605:12:19.12\"}");

        assertThat(a.published()).isNull();
        assertThat(report.problems())
                .containsExactly(new IngestProblem(
                        "feed.jsonl",
                        3,
                        Outcome.WARNING,
                        "published: not a date Lede can read: '31-MAR-1987 605:12:19.12' (expected ISO-8601 such as"
                                + " 2019-03-01 or 2019-03-01T09:30:00Z, or RFC 1123 such as Fri, 01 Mar 2019 09:30:00"
                                + " GMT); indexed undated"));
    }

    // --- records that are not articles

    @Test
    void map_noTitleAndNoBody_isSkippedNamingTheId() throws JsonProcessingException {
        Article a = RecordMapper.map(
                RecordMapper.JSON.readTree(
                        "{\"id\": \"12793\", \"title\": \"\", \"body\": \"\", \"source\": \"Reuters\"}"),
                "articles.jsonl",
                12793,
                report);

        assertThat(a).isNull();
        assertThat(report.problems())
                .containsExactly(new IngestProblem(
                        "articles.jsonl", 12793, Outcome.SKIPPED, "article '12793' has neither a title nor a body"));
        assertThat(report.skipped()).isEqualTo(1);
    }

    @Test
    void map_notAnObject_failsTheRecord() throws JsonProcessingException {
        assertThat(RecordMapper.map(RecordMapper.JSON.readTree("[1, 2]"), "feed.jsonl", 3, report))
                .isNull();
        assertThat(report.problems())
                .containsExactly(new IngestProblem("feed.jsonl", 3, Outcome.FAILED, "not a JSON object"));
    }

    // --- nesting depth, through the JSONL reader

    /** A record whose {@code meta} value is {@code arrays} arrays deep: total depth {@code arrays + 1}. */
    private static String nested(String id, int arrays) {
        return "{\"id\": \"" + id + "\", \"title\": \"Deep " + id + "\", \"meta\": " + "[".repeat(arrays)
                + "]".repeat(arrays) + "}";
    }

    @Test
    void read_nestingDeeperThanTheLimit_failsThatLineAsMalformedAndKeepsTheOthers(@TempDir Path tmp)
            throws IOException {
        Path file = tmp.resolve("deep.jsonl");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        nested("at-limit", RecordMapper.MAX_NESTING_DEPTH - 1),
                        nested("too-deep", RecordMapper.MAX_NESTING_DEPTH),
                        nested("very-deep", 10_000),
                        "{\"id\": \"after\", \"title\": \"After\"}"),
                StandardCharsets.UTF_8);
        List<Article> out = new ArrayList<>();

        new JsonlArticleReader().read(new InputFile(file, "deep.jsonl"), out::add, report);

        assertThat(out).extracting(Article::id).containsExactly("at-limit", "after");
        assertThat(report.problems())
                .extracting(IngestProblem::line, IngestProblem::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, Outcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple(3, Outcome.FAILED));
        assertThat(report.problems().get(0).reason())
                .startsWith("malformed JSON: Document nesting depth (65) exceeds the maximum allowed (64");
        assertThat(report.problems().get(1).reason())
                .startsWith("malformed JSON: Document nesting depth (65) exceeds the maximum allowed (64");
    }
}
