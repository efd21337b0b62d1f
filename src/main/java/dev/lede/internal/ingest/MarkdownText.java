package dev.lede.internal.ingest;

import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Parsed Markdown as plain text: the text of paragraphs, headings, lists, quotes and code, with
 * the markup gone (link targets too); images and HTML dropped, but for {@code <br>}, a line break.
 * Blocks are separated by a blank line; the items of a tight list and the lines of a paragraph by a
 * line break, as the source has them. {@link #of} makes an instance per call, so it is thread-safe.
 */
final class MarkdownText extends AbstractVisitor {
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);

    private final StringBuilder out = new StringBuilder();
    private final Node skipped;
    private String separator = "";

    private MarkdownText(Node skipped) {
        this.skipped = skipped;
    }

    /** The text of {@code node}, leaving out {@code skipped} (the title heading) unless null. */
    static String of(Node node, Node skipped) {
        MarkdownText text = new MarkdownText(skipped);
        node.accept(text);
        return text.out.toString();
    }

    /** Writes text, after the separator the blocks and breaks since the last text asked for. */
    private void write(String s) {
        if (!s.isEmpty()) {
            out.append(out.isEmpty() ? "" : separator).append(s);
            separator = "";
        }
    }

    private void separate(String wanted) {
        if (wanted.length() > separator.length()) {
            separator = wanted;
        }
    }

    /** Starts a block: a new line inside a tight list item, else a new paragraph. */
    private void block(Node block) {
        boolean tight = block.getParent() instanceof ListItem item
                && item.getParent() instanceof ListBlock list
                && list.isTight();
        separate(tight ? "\n" : "\n\n");
    }

    @Override
    public void visit(BulletList list) {
        block(list);
        visitChildren(list);
    }

    @Override
    public void visit(OrderedList list) {
        block(list);
        visitChildren(list);
    }

    @Override
    public void visit(Paragraph paragraph) {
        block(paragraph);
        visitChildren(paragraph);
    }

    @Override
    public void visit(Heading heading) {
        if (heading != skipped) {
            block(heading);
            visitChildren(heading);
        }
    }

    @Override
    public void visit(FencedCodeBlock code) {
        block(code);
        write(code.getLiteral().stripTrailing());
    }

    @Override
    public void visit(IndentedCodeBlock code) {
        block(code);
        write(code.getLiteral().stripTrailing());
    }

    @Override
    public void visit(ThematicBreak thematicBreak) {
        block(thematicBreak);
    }

    @Override
    public void visit(Text text) {
        write(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        write(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak lineBreak) {
        separate("\n");
    }

    @Override
    public void visit(HardLineBreak lineBreak) {
        separate("\n");
    }

    @Override
    public void visit(Image image) {
        // dropped: alt text ("Photo", "chart") is rarely article text, and would make a title
    }

    @Override
    public void visit(HtmlBlock html) {
        // dropped, as is inline HTML but for <br>: markup, not text
    }

    @Override
    public void visit(HtmlInline html) {
        if (LINE_BREAK_TAG.matcher(html.getLiteral()).matches()) {
            separate("\n");
        }
    }
}
