package dev.lede.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.TestFiles;
import dev.lede.article.Article;
import dev.lede.ingest.IngestProblem;
import dev.lede.ingest.IngestProblem.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextArticleReaderTest extends ArticleReaderContractTest {
    private static final String SEED_TITLE =
            "Democratic mayor of New York City Eric Adams said he is working to change the city’s sanctuary laws…";

    @Override
    ArticleReader reader() {
        return new TextArticleReader();
    }

    @Override
    String extension() {
        return "txt";
    }

    @Override
    String fixtureFolder() {
        return "ingest/txt";
    }

    @Override
    String noticeArticleId() {
        return "notice.txt";
    }

    @Override
    String windowsArticleId() {
        return "windows/crlf-bom.txt";
    }

    @Override
    List<Article> expectedArticles() {
        return List.of(
                Article.builder("council-budget.txt")
                        .title("City council approves 2025 budget")
                        .body(
                                "The council voted 7-2 on Tuesday to approve the budget.\n\nThe plan takes effect in July.")
                        .build(),
                Article.builder("notice.txt")
                        .title("Harbor reopens after storm")
                        .body("The harbor reopened on Friday after a week of repairs.")
                        .notice(SEED_NOTICE)
                        .build(),
                Article.builder("sentence-title.txt")
                        .title(
                                "The mayor said on Monday that the city would hire 200 new teachers before the start of the school…")
                        .body(
                                "The mayor said on Monday that the city would hire 200 new teachers before the start of the school"
                                        + " year in September, officials said. The hiring plan costs $12 million.\n\nUnions welcomed the plan.")
                        .build(),
                Article.builder("windows/crlf-bom.txt")
                        .title("“Sanctuary” talks resume at City Hall")
                        .body("The mayor’s office said talks would resume on Monday.\n\nMore talks are planned.")
                        .build());
    }

    // --- the seed article

    @Test
    void parse_seed_givesSentenceTitleCutWithEllipsis() {
        Article seed = TextArticleReader.parse("adams-sanctuary-laws.txt", TestFiles.seedText());
        System.out.println("seed title (" + seed.title().length() + " chars): " + seed.title());

        assertThat(seed.title()).isEqualTo(SEED_TITLE);
        assertThat(seed.title()).hasSize(100);
    }

    @Test
    void parse_seed_movesSyndicationNoticeToNotice() {
        Article seed = TextArticleReader.parse("adams-sanctuary-laws.txt", TestFiles.seedText());

        assertThat(seed.notice()).isEqualTo(SEED_NOTICE);
        assertThat(seed.body()).doesNotContain("CLICKING HERE").doesNotContain("We support our Publishers");
    }

    @Test
    void parse_seed_bodyIsTheTextAfterTheNotice() {
        String text = TestFiles.seedText();
        Article seed = TextArticleReader.parse("adams-sanctuary-laws.txt", text);

        assertThat(seed.id()).isEqualTo("adams-sanctuary-laws.txt");
        assertThat(seed.body())
                .isEqualTo(text.substring(text.indexOf("Democratic mayor of New York City"))
                        .strip());
        assertThat(seed.body()).endsWith("allegations he has denied.");
        assertThat(seed.published()).isNull();
    }

    // --- title line rules

    @Test
    void parse_shortFirstLineFollowedByBlankLine_isTheTitle() {
        Article a = TextArticleReader.parse("a.txt", "Storm closes schools\n\nAll schools closed on Monday.");

        assertThat(a.title()).isEqualTo("Storm closes schools");
        assertThat(a.body()).isEqualTo("All schools closed on Monday.");
    }

    @Test
    void parse_firstLineOf150Chars_isTheTitle() {
        String line = "x".repeat(146) + " end";
        assertThat(line).hasSize(150);

        Article a = TextArticleReader.parse("a.txt", line + "\n\nBody text.");

        assertThat(a.title()).isEqualTo(line);
        assertThat(a.body()).isEqualTo("Body text.");
    }

    @Test
    void parse_firstLineOf151Chars_isNotATitle() {
        String line = "Officials said " + "the plan ".repeat(14) + "was ready!";
        assertThat(line).hasSize(151);

        Article a = TextArticleReader.parse("a.txt", line + "\n\nBody text.");

        assertThat(a.body()).isEqualTo(line + "\n\nBody text.");
        assertThat(a.title())
                .isEqualTo(
                        "Officials said the plan the plan the plan the plan the plan the plan the plan the plan the plan the…");
    }

    @Test
    void parse_firstLineEndingWithPeriod_isNotATitle() {
        Article a = TextArticleReader.parse("a.txt", "The council met on Tuesday.\n\nIt approved the budget.");

        assertThat(a.title()).isEqualTo("The council met on Tuesday");
        assertThat(a.body()).isEqualTo("The council met on Tuesday.\n\nIt approved the budget.");
    }

    @Test
    void parse_firstLineWithoutBlankLineAfter_isNotATitle() {
        Article a =
                TextArticleReader.parse("a.txt", "Storm closes schools\nAll schools closed on Monday.\n\nMore later.");

        assertThat(a.title()).isEqualTo("Storm closes schools All schools closed on Monday");
        assertThat(a.body()).isEqualTo("Storm closes schools\nAll schools closed on Monday.\n\nMore later.");
    }

    @Test
    void parse_longFirstSentence_isCutOnAWordBoundaryWithEllipsisAtMost100Chars() {
        String sentence =
                "Residents of the northern districts gathered outside city hall on Thursday evening to protest"
                        + " against the planned closure of three libraries.";

        Article a = TextArticleReader.parse("a.txt", sentence + " The vote is next week.");

        assertThat(a.title())
                .isEqualTo(
                        "Residents of the northern districts gathered outside city hall on Thursday evening to protest…");
        assertThat(a.title().length()).isLessThanOrEqualTo(100);
    }

    @Test
    void parse_firstSentenceOf100Chars_isKeptWholeWithoutItsPeriod() {
        String sentence = "The mayor " + "z".repeat(89) + ".";
        assertThat(sentence).hasSize(100);

        Article a = TextArticleReader.parse("a.txt", sentence + " Then more.");

        assertThat(a.title()).isEqualTo(sentence.substring(0, 99));
    }

    @Test
    void parse_firstSentenceWithDecimalNumber_isNotCutAtTheNumber() {
        Article a = TextArticleReader.parse("a.txt", "Prices rose 2.5 pct in January, the bank said. More text.");

        assertThat(a.title()).isEqualTo("Prices rose 2.5 pct in January, the bank said");
    }

    @Test
    void parse_firstSentenceWithUsAbbreviation_isNotCutAtTheAbbreviation() {
        Article a = TextArticleReader.parse("a.txt", "The U.S. Senate passed the bill on Friday. More text.");

        assertThat(a.title()).isEqualTo("The U.S. Senate passed the bill on Friday");
    }

    @Test
    void parse_firstSentenceStartingWithMr_isNotCutAtTheTitle() {
        Article a = TextArticleReader.parse("a.txt", "Mr. Smith went to Washington on Friday. More text.");

        assertThat(a.title()).isEqualTo("Mr. Smith went to Washington on Friday");
    }

    @Test
    void parse_firstSentenceEndingWithQuestionMark_keepsIt() {
        Article a = TextArticleReader.parse("a.txt", "Who will run the city? Nobody knows yet.");

        assertThat(a.title()).isEqualTo("Who will run the city?");
    }

    @Test
    void parse_longFirstSentenceWithoutSpaces_isCutAt99CharsPlusEllipsis() {
        String word = "w".repeat(120);

        Article a = TextArticleReader.parse("a.txt", word + ". Next sentence.");

        assertThat(a.title()).isEqualTo("w".repeat(99) + "…");
    }

    @Test
    void parse_singleLine_isTitleSentenceAndBody() {
        Article a = TextArticleReader.parse("a.txt", "Markets rallied on Friday.");

        assertThat(a.title()).isEqualTo("Markets rallied on Friday");
        assertThat(a.body()).isEqualTo("Markets rallied on Friday.");
    }

    // --- normal input variations

    @Test
    void parse_bomCrlfAndMissingFinalNewline_giveTheSameArticleAsPlainLf() {
        Article plain =
                TextArticleReader.parse("a.txt", "Storm closes schools\n\nAll schools closed.\n\nMore later.\n");
        Article windows = TextArticleReader.parse(
                "a.txt", "\uFEFFStorm closes schools\r\n\r\nAll schools closed.\r\n\r\nMore later.");

        assertThat(windows).isEqualTo(plain);
        assertThat(windows.body()).isEqualTo("All schools closed.\n\nMore later.");
    }

    @Test
    void parse_oldMacLineEndings_areRead() {
        Article a = TextArticleReader.parse("a.txt", "Storm closes schools\r\rAll schools closed.");

        assertThat(a.title()).isEqualTo("Storm closes schools");
        assertThat(a.body()).isEqualTo("All schools closed.");
    }

    @Test
    void parse_curlyQuotesAndApostrophes_areKeptAsGiven() {
        Article a = TextArticleReader.parse("a.txt", "Mayor’s “bold” plan\n\n“We’re ready,” she said.");

        assertThat(a.title()).isEqualTo("Mayor’s “bold” plan");
        assertThat(a.body()).isEqualTo("“We’re ready,” she said.");
    }

    // --- notices

    @ParameterizedTest
    @ValueSource(
            strings = {
                "This story originally appeared on Example News.",
                "Republished with permission from Example News.",
                "Click here to read the original.",
                "This article was first published by Example News.",
                "Read the full story at example.com"
            })
    void parse_shortNoticeParagraph_goesToNotice(String notice) {
        Article a = TextArticleReader.parse("a.txt", notice + "\n\nHarbor reopens\n\nThe harbor reopened.");

        assertThat(a.notice()).isEqualTo(notice);
        assertThat(a.title()).isEqualTo("Harbor reopens");
        assertThat(a.body()).isEqualTo("The harbor reopened.");
    }

    @Test
    void parse_noticeSpreadOverLines_isFoldedToOneLine() {
        Article a = TextArticleReader.parse(
                "a.txt", "This story originally\nappeared on Example News.\n\nHarbor reopens\n\nText.");

        assertThat(a.notice()).isEqualTo("This story originally appeared on Example News.");
        assertThat(a.title()).isEqualTo("Harbor reopens");
    }

    @Test
    void parse_singleParagraphWithNoticePhrase_isTheArticle() {
        Article a = TextArticleReader.parse("a.txt", "Click here to see how the budget was spent.");

        assertThat(a.notice()).isNull();
        assertThat(a.body()).isEqualTo("Click here to see how the budget was spent.");
    }

    @Test
    void parse_longFirstParagraphWithNoticePhrase_isArticleText() {
        String first = "The mayor said residents could click here and there on the new portal "
                + "to file complaints ".repeat(14) + "today.";
        assertThat(first.length()).isGreaterThan(300);

        Article a = TextArticleReader.parse("a.txt", first + "\n\nSecond paragraph.");

        assertThat(a.notice()).isNull();
        assertThat(a.body()).isEqualTo(first + "\n\nSecond paragraph.");
    }

    @Test
    void parse_firstParagraphWithoutNoticePhrase_isNotANotice() {
        Article a = TextArticleReader.parse("a.txt", "Storm closes schools\n\nAll schools closed.");

        assertThat(a.notice()).isNull();
    }

    @Test
    void parse_noText_givesNull() {
        assertThat(TextArticleReader.parse("a.txt", "")).isNull();
        assertThat(TextArticleReader.parse("a.txt", "\uFEFF \r\n\t\n")).isNull();
    }

    // --- reading files

    @Test
    void read_file_usesTheInputNameAsId() throws IOException {
        List<Article> out = new ArrayList<>();
        InputFile input = new InputFile(TestFiles.resource("ingest/txt/council-budget.txt"), "2025/01/council.txt");

        reader().read(input, out::add, new ReportCollector());

        assertThat(out).extracting(Article::id).containsExactly("2025/01/council.txt");
    }

    @Test
    void read_emptyOrBlankFile_isReportedSkipped() throws IOException {
        List<Article> out = new ArrayList<>();
        ReportCollector report = new ReportCollector();

        reader().read(new InputFile(TestFiles.resource("ingest/txt-misc/empty.txt"), "empty.txt"), out::add, report);
        reader().read(new InputFile(TestFiles.resource("ingest/txt-misc/blank.txt"), "blank.txt"), out::add, report);

        assertThat(out).isEmpty();
        assertThat(report.problems())
                .containsExactly(
                        new IngestProblem("empty.txt", 0, Outcome.SKIPPED, "no text in the file"),
                        new IngestProblem("blank.txt", 0, Outcome.SKIPPED, "no text in the file"));
    }

    @Test
    void read_windows1252File_isDecodedWithAWarning() throws IOException {
        List<Article> out = new ArrayList<>();
        ReportCollector report = new ReportCollector();

        reader().read(new InputFile(TestFiles.resource("ingest/txt-misc/latin1.txt"), "latin1.txt"), out::add, report);

        assertThat(out)
                .containsExactly(Article.builder("latin1.txt")
                        .title("Café opens on Main Street")
                        .body("The café serves crème brûlée.")
                        .build());
        assertThat(report.problems())
                .containsExactly(
                        new IngestProblem("latin1.txt", 0, Outcome.WARNING, "not valid UTF-8; read as Windows-1252"));
    }
}
