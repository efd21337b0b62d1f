package dev.lede.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.POJONode;
import dev.lede.TestFiles;
import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.ingest.IngestProblem;
import dev.lede.ingest.IngestProblem.Outcome;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownArticleReaderTest extends ArticleReaderContractTest {

    @Override
    ArticleReader reader() {
        return new MarkdownArticleReader();
    }

    @Override
    String extension() {
        return "md";
    }

    @Override
    String fixtureFolder() {
        return "ingest/md";
    }

    @Override
    String noticeArticleId() {
        return "notice.md";
    }

    @Override
    String windowsArticleId() {
        return "windows/crlf-bom.md";
    }

    @Override
    List<Article> expectedArticles() {
        return List.of(
                Article.builder("aliases.md")
                        .title("Harbor dredging to start in May")
                        .body("Dredging will start in May, the port said.")
                        .url("https://example.com/dredging")
                        .source("Example Harbor News")
                        .authors("Sam Poe")
                        .published(Published.parse("2025-02-01T09:30:00-05:00"))
                        .topics("harbor")
                        .language("en")
                        .build(),
                Article.builder("council-budget.md")
                        .title("City council approves 2025 budget")
                        .body(
                                "The council voted 7-2 on Tuesday to approve the budget.\n\nThe plan takes effect in July.")
                        .url("https://example.com/budget")
                        .source("Example News")
                        .authors("Jane Doe", "John Roe")
                        .published(Published.parse("2025-01-14"))
                        .topics("politics", "budget", "local")
                        .language("en")
                        .build(),
                Article.builder("heading-title.md")
                        .title("Night buses return on Friday")
                        .body("Night buses return on Friday after a two-year pause.")
                        .source("Example Metro")
                        .authors("Ann Lee")
                        .published(Published.parse("2025-03-10T08:15:00-05:00"))
                        .topics("transit", "city")
                        .build(),
                Article.builder("markup.md")
                        .title("Storm closes schools")
                        .body(MARKUP_BODY)
                        .build(),
                Article.builder("no-title.md")
                        .title(
                                "The mayor said on Monday that the city would hire 200 new teachers before the start of the school…")
                        .body(
                                "The mayor said on Monday that the city would hire 200 new teachers before the start of the school\n"
                                        + "year in September, officials said. The hiring plan costs $12 million.\n\n"
                                        + "Unions welcomed the plan.")
                        .build(),
                Article.builder("notice.md")
                        .title("Harbor reopens after storm")
                        .body("The harbor reopened on Friday after a week of repairs.")
                        .notice(SEED_NOTICE)
                        .build(),
                Article.builder("setext.md")
                        .title("Library hours extended")
                        .body("The central library will stay open until 9 p.m. on weekdays.")
                        .build(),
                Article.builder("windows/crlf-bom.md")
                        .title("“Sanctuary” talks resume at City Hall")
                        .body("The mayor’s office said talks would resume on Monday.\n\nMore talks are planned.")
                        .published(Published.parse("2025-03-03T08:00:00Z"))
                        .build());
    }

    /** markup.md with emphasis, links, code, images, HTML, a list, a quote and a code block. */
    private static final String MARKUP_BODY = "The city closed all schools on Monday, the\n"
            + "mayor said in a statement. Call 311 for help.\nBuses will not run.\n\n"
            + "Officials listed three reasons:\n\n"
            + "heavy rain\nflooded roads\npower cuts\n\n"
            + "\"We will reopen when it is safe,\" she said.\n\n"
            + "forecast: rain\n\n"
            + "Read more at https://example.com/storm.\nUpdated at 6 a.m. & again at noon.";

    private static Article parse(String markdown) {
        ReportCollector report = new ReportCollector();
        Article article = MarkdownArticleReader.parse("a.md", markdown, report);
        assertThat(report.problems()).isEmpty();
        return article;
    }

    // --- title

    @Test
    void parse_headingRepeatingTheFrontMatterTitle_isLeftOutOfTheBody() {
        Article a = parse("---\ntitle: Storm closes schools\n---\n# Storm closes schools\n\nAll closed.");

        assertThat(a.title()).isEqualTo("Storm closes schools");
        assertThat(a.body()).isEqualTo("All closed.");
    }

    @Test
    void parse_headingOtherThanTheFrontMatterTitle_staysInTheBody() {
        Article a = parse("---\ntitle: Schools shut\n---\n# Storm closes schools\n\nAll closed.");

        assertThat(a.title()).isEqualTo("Schools shut");
        assertThat(a.body()).isEqualTo("Storm closes schools\n\nAll closed.");
    }

    @Test
    void parse_headingAfterAnOrdinaryParagraph_isNotTheTitle() {
        Article a = parse("Schools are closed today.\n\n# Storm closes schools\n\nAll closed.");

        assertThat(a.title()).isEqualTo("Schools are closed today");
        assertThat(a.body()).isEqualTo("Schools are closed today.\n\nStorm closes schools\n\nAll closed.");
        assertThat(a.notice()).isNull();
    }

    @Test
    void parse_levelTwoHeadingFirst_isNotTheTitle() {
        Article a = parse("## Background\n\nThe council met.");

        assertThat(a.title()).isEqualTo("Background The council met");
        assertThat(a.body()).isEqualTo("Background\n\nThe council met.");
    }

    @Test
    void parse_multiLineSetextHeading_isFoldedToOneLine() {
        Article a = parse("Storm closes\nschools\n===\n\nAll closed.");

        assertThat(a.title()).isEqualTo("Storm closes schools");
        assertThat(a.body()).isEqualTo("All closed.");
    }

    @Test
    void parse_blockScalarTitle_isFoldedToOneLine() {
        Article a = parse("---\ntitle: |\n  Storm closes\n  schools\n---\nAll closed.");

        assertThat(a.title()).isEqualTo("Storm closes schools");
    }

    @Test
    void parse_frontMatterTitleOnly_givesArticleWithoutBody() {
        Article a = parse("---\ntitle: Storm closes schools\n---\n");

        assertThat(a)
                .isEqualTo(Article.builder("a.md").title("Storm closes schools").build());
    }

    // --- body

    @Test
    void parse_plainParagraphs_giveTheSameArticleAsPlainText() {
        String text = "Markets rallied on Friday.\nBonds fell.\n\nMore later.";

        assertThat(parse(text)).isEqualTo(TextArticleReader.parse("a.md", text));
    }

    @Test
    void parse_looseList_isOneParagraphPerItem() {
        assertThat(parse("Intro.\n\n1. First point.\n\n2. Second point.").body())
                .isEqualTo("Intro.\n\nFirst point.\n\nSecond point.");
    }

    @Test
    void parse_nestedTightList_isOneLinePerItem() {
        assertThat(parse("Intro.\n\n* a\n  * a1\n  * a2\n* b").body()).isEqualTo("Intro.\n\na\na1\na2\nb");
    }

    @Test
    void parse_escapesAndEntities_giveTheirCharacters() {
        assertThat(parse("\\*Not emphasis\\* &copy; 2025 &lt;b&gt;").body()).isEqualTo("*Not emphasis* © 2025 <b>");
    }

    @Test
    void parse_imageAloneOrHtmlAlone_leavesNoEmptyParagraph() {
        assertThat(parse("One.\n\n![Photo](p.jpg)\n\n<p>ad</p>\n\nTwo.").body()).isEqualTo("One.\n\nTwo.");
    }

    @Test
    void parse_linkTextWithEmphasis_keepsTheText() {
        assertThat(parse("See [the **full** report](https://example.com).").body())
                .isEqualTo("See the full report.");
    }

    @Test
    void parse_thematicBreak_separatesParagraphs() {
        assertThat(parse("One.\n\n***\n\nTwo.").body()).isEqualTo("One.\n\nTwo.");
    }

    // --- front matter

    @Test
    void parse_emptyFrontMatter_isPassedOver() {
        Article a = parse("---\n---\n# Storm closes schools\n\nAll closed.");

        assertThat(a.title()).isEqualTo("Storm closes schools");
        assertThat(a.body()).isEqualTo("All closed.");
    }

    @Test
    void parse_unclosedFrontMatter_isMarkdownText() {
        Article a = parse("---\ntitle: Storm\n\nAll closed.");

        assertThat(a.title()).isEqualTo("title: Storm All closed");
        assertThat(a.body()).isEqualTo("title: Storm\n\nAll closed.");
    }

    @Test
    void parse_frontMatterNotOnTheFirstLine_isMarkdownText() {
        Article a = parse("\n---\ntitle: Storm\n---\nAll closed.");

        assertThat(a.body()).isEqualTo("title: Storm\n\nAll closed.");
    }

    @Test
    void parse_norwegianLanguageCode_staysAWord() {
        assertThat(parse("---\nlang: no\n---\nText.").language()).isEqualTo("no");
    }

    @Test
    void parse_numericDate_isReadAsBasicIsoDate() {
        assertThat(parse("---\ndate: 20190301\n---\nText.").published()).isEqualTo(Published.parse("2019-03-01"));
    }

    @Test
    void parse_publishedAndDate_preferPublished() {
        assertThat(parse("---\ndate: 2019-03-02\npublished: 2019-03-01\n---\nText.")
                        .published())
                .isEqualTo(Published.parse("2019-03-01"));
    }

    @Test
    void parse_nullsBlanksAndNestedValues_arePassedOver() {
        Article a = parse("---\ntitle: ''\nurl:\nsource: {name: X}\nauthors: [A, null, 7, [B]]\ntags: ~\n---\nText.");

        assertThat(a)
                .isEqualTo(Article.builder("a.md")
                        .title("Text")
                        .body("Text.")
                        .authors("A", "7")
                        .build());
    }

    @Test
    void dateText_javaUtilDate_isItsInstantInUtc() {
        Date date = Date.from(Instant.parse("2019-03-01T09:30:00Z"));

        assertThat(MarkdownArticleReader.dateText(new POJONode(date))).isEqualTo("2019-03-01T09:30:00Z");
    }

    @Test
    void parse_deeplyNestedFrontMatter_isAWarningNotAFailure() {
        ReportCollector report = new ReportCollector();
        String yaml = "a: " + "[".repeat(5_000) + "]".repeat(5_000);

        Article a = MarkdownArticleReader.parse("a.md", "---\n" + yaml + "\n---\nText.", report);

        assertThat(a.body()).isEqualTo("Text.");
        assertThat(report.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason())
                        .startsWith("front matter is not valid YAML (Document nesting depth (1001) exceeds the"
                                + " maximum allowed (1000"));
    }

    @Test
    void parse_deeplyNestedMarkdown_isReadWithoutOverflow() {
        String quotes = "> ".repeat(10_000) + "deep";
        String emphasis = "*".repeat(10_000) + "deep" + "*".repeat(10_000);

        assertThat(parse(quotes).body()).endsWith("deep");
        assertThat(parse(emphasis).body()).contains("deep");
    }

    // --- problem files: md-problems holds files the reader reports on

    private Read readProblems() throws IOException {
        return readFolder(TestFiles.resource("ingest/md-problems"));
    }

    @Test
    void read_problemFiles_keepEveryArticleWithText() throws IOException {
        assertThat(readProblems().articles())
                .containsExactly(
                        Article.builder("bad-date.md")
                                .title("Vote set for next week")
                                .body("The vote is set for next week.")
                                .source("Example News")
                                .build(),
                        Article.builder("bad-yaml.md")
                                .title("Council backs new budget plan")
                                .body("The council backed the plan on Tuesday.")
                                .build(),
                        Article.builder("latin1.md")
                                .title("Café opens on Main Street")
                                .body("The café serves crème brûlée.")
                                .build(),
                        Article.builder("not-mapping.md")
                                .title("The council backed the plan on Tuesday")
                                .body("The council backed the plan on Tuesday.")
                                .build());
    }

    @Test
    void read_problemFiles_reportEachProblem() throws IOException {
        assertThat(readProblems().report().problems())
                .containsExactly(
                        new IngestProblem(
                                "bad-date.md",
                                0,
                                Outcome.WARNING,
                                "published: not a date Lede can read: 'next Tuesday' (expected ISO-8601 such as"
                                        + " 2019-03-01 or 2019-03-01T09:30:00Z, or RFC 1123 such as Fri, 01 Mar 2019"
                                        + " 09:30:00 GMT); indexed undated"),
                        new IngestProblem(
                                "bad-yaml.md",
                                2,
                                Outcome.WARNING,
                                "front matter is not valid YAML (mapping values are not allowed here); ignored"),
                        new IngestProblem("empty.md", 0, Outcome.SKIPPED, "no text in the file"),
                        new IngestProblem("front-matter-only.md", 0, Outcome.SKIPPED, "no text in the file"),
                        new IngestProblem("latin1.md", 0, Outcome.WARNING, "not valid UTF-8; read as Windows-1252"),
                        new IngestProblem(
                                "not-mapping.md",
                                1,
                                Outcome.WARNING,
                                "front matter is not a YAML mapping of keys to values; ignored"));
        assertThat(readProblems().report().skipped()).isEqualTo(2);
        assertThat(readProblems().report().failed()).isZero();
    }

    @Test
    void read_file_usesTheInputNameAsId() throws IOException {
        List<Article> out = new ArrayList<>();
        InputFile input = new InputFile(TestFiles.resource("ingest/md/setext.md"), "2025/01/library.md");

        reader().read(input, out::add, new ReportCollector());

        assertThat(out).extracting(Article::id).containsExactly("2025/01/library.md");
    }
}
