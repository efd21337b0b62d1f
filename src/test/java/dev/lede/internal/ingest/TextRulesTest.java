package dev.lede.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link TextRules#splitNotice}: its fast path (no regular expression for the paragraph break, no
 * copies for a long first paragraph) must split exactly as the plain regular-expression version,
 * {@link #reference}, since notices decide both an article's body and its fingerprint.
 */
class TextRulesTest {
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n[ \t\\x0B\f\u00A0]*\n");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    @Test
    void splitNotice_syndicationNotice_isTakenOffTheTop() {
        TextRules.Split split = TextRules.splitNotice(
                "This story originally appeared in  The City.\n \u00A0\nMayor Adams said on Monday...\n\nMore.");
        assertThat(split.notice()).isEqualTo("This story originally appeared in The City.");
        assertThat(split.text()).isEqualTo("Mayor Adams said on Monday...\n\nMore.");
    }

    @Test
    void splitNotice_everyKindOfNotice_inAnyCase_isTakenOff() {
        for (String notice : new String[] {
            "You can view this story on their website.",
            "VIEW OUR FULL ARTICLE here.",
            "This article originally appeared in The Conversation.",
            "It first ran in the Tribune.",
            "First posted on the wire.",
            "Click here to subscribe.",
            "Clicking here takes you there.",
            "Republished here with permission.",
            "Reprinted by kind permission of the author.",
            "Used with permission.",
            "This story was first published by ProPublica.",
            "This post appeared on our partner's site.",
            "This article was produced by Kaiser Health News.",
            "We support our publishers.",
            "Syndicated from the AP.",
            "Read the original article.",
            "Clic\u212A here to read more.", // a Kelvin sign is a k to the case-insensitive expression
            "\u017Fyndicated by Reuters." // and a long s an s
        }) {
            TextRules.Split split = TextRules.splitNotice(notice + "\n\nThe council met on Monday.");
            assertThat(split.notice()).as(notice).isEqualTo(notice);
            assertThat(split.text()).as(notice).isEqualTo("The council met on Monday.");
        }
    }

    @Test
    void splitNotice_ordinaryFirstParagraph_longParagraph_orNothingAfter_keepsTheText() {
        for (String text : new String[] {
            "The council met on Monday.\n\nIt voted to raise the budget.",
            "Click here " + "x".repeat(300) + "\n\nThe rest.",
            "View this story on our website.\n\n \t",
            "View this story on our website.\nNo blank line after it.",
            "One paragraph only"
        }) {
            assertThat(TextRules.splitNotice(text)).as(text).isEqualTo(new TextRules.Split(null, text));
        }
    }

    @Test
    void splitNotice_generatedTexts_splitsExactlyAsTheRegularExpressions() {
        // Notice phrases, paragraph breaks with every blank character, whitespace that strip() and
        // \s treat differently, and first paragraphs on both sides of the 300-character limit.
        String[] pieces = {
            "View this story",
            "ViEw ThE fUlL aRtIcLe",
            "FIRST RAN",
            "first posted",
            "Clicking here",
            "reprinted by kind permission",
            "This post was originally produced",
            "this article",
            "We support our publishers",
            "syndicated content",
            "READ THE ORIGINAL STORY",
            "view",
            "this",
            "first",
            "appeared",
            "ran",
            "clic\u212A here",
            "\u017Fyndicated by",
            "v\u0130ew our story",
            "V\u0131EW THIS STORY",
            "caf\u00E9",
            "originally appeared",
            "click here",
            "published with permission",
            "word",
            "Mayor",
            " ",
            "  ",
            "\t",
            "\n",
            "\n\n",
            "\n \n",
            "\n\t\u00A0\u000B\f\n",
            "\r",
            "\u2003",
            "\u3000",
            "\u00A0",
            "\u2028",
            ".",
            "x".repeat(60),
            "y".repeat(150),
            " \n"
        };
        Random random = new Random(20261207);
        for (int t = 0; t < 50_000; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            assertThat(TextRules.splitNotice(s)).as("%s", s).isEqualTo(reference(s));
        }
    }

    @Test
    void splitTitleLine_generatedTexts_splitsExactlyAsTheRegularExpression() {
        String[] pieces = {
            "Harbor vote",
            "Mr.",
            " ",
            "\n",
            "\n\n",
            "\n \t\n",
            "\n\u00A0\u000B\f\n",
            "\r",
            "\u2003",
            "x".repeat(80),
            "."
        };
        Random random = new Random(7);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            assertThat(TextRules.splitTitleLine(s)).as("%s", s).isEqualTo(titleReference(s));
        }
        assertThat(TextRules.splitTitleLine("Harbor vote\n \nThe council met."))
                .isEqualTo(new TextRules.Titled("Harbor vote", "The council met."));
    }

    /** splitTitleLine as first written, with the paragraph-break expression. */
    private static TextRules.Titled titleReference(String text) {
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return new TextRules.Titled(null, text);
        }
        String line = text.substring(0, newline).strip();
        var m = PARAGRAPH_BREAK.matcher(text);
        boolean blankAfter = m.find() && m.start() == newline;
        if (blankAfter && !line.isEmpty() && line.length() <= TextRules.MAX_TITLE_LINE_CHARS && !line.endsWith(".")) {
            return new TextRules.Titled(line, text.substring(m.end()).strip());
        }
        return new TextRules.Titled(null, text);
    }

    /** splitNotice as first written, with regular expressions only. */
    private static TextRules.Split reference(String text) {
        var m = PARAGRAPH_BREAK.matcher(text);
        if (!m.find()) {
            return new TextRules.Split(null, text);
        }
        String candidate =
                SPACES.matcher(text.substring(0, m.start())).replaceAll(" ").strip();
        String rest = text.substring(m.end()).strip();
        if (candidate.length() <= TextRules.MAX_NOTICE_CHARS
                && TextRules.NOTICE.matcher(candidate).find()
                && !rest.isEmpty()) {
            return new TextRules.Split(candidate, rest);
        }
        return new TextRules.Split(null, text);
    }
}
