package dev.lede.internal.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * An element's text as a reader sees it: one block per paragraph, heading, list item, cell or
 * caption, white space collapsed inside each block, and how much of each block is link text.
 */
final class TextBlocks {
    static final Set<String> BLOCK_TAGS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "caption",
            "center",
            "dd",
            "details",
            "dialog",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hgroup",
            "hr",
            "li",
            "main",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr",
            "ul",
            "br",
            "title",
            "legend",
            "menu");

    /**
     * One block of text.
     *
     * @param text the text, white space collapsed
     * @param linkChars characters of it inside links
     * @param tag the innermost block element's tag
     * @param element the innermost block element
     * @param caption whether it sits in a figure caption
     */
    record Block(String text, int linkChars, String tag, Element element, boolean caption) {
        double linkDensity() {
            return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
        }

        boolean heading() {
            return tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
        }
    }

    private TextBlocks() {}

    static List<Block> of(Element root) {
        Collector c = new Collector(root);
        NodeTraversor.filter(c, root);
        c.flush();
        return c.blocks;
    }

    private static final class Collector implements NodeFilter {
        final List<Block> blocks = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final List<Element> open = new ArrayList<>();
        int linkChars;
        int linkDepth;
        int captionDepth;

        Collector(Element root) {
            open.add(root);
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                String s = t.getWholeText();
                if (linkDepth > 0) {
                    linkChars += Text.collapse(s).length();
                }
                text.append(s);
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("a")) {
                    linkDepth++;
                }
                if (tag.equals("figcaption") || tag.equals("caption")) {
                    captionDepth++;
                }
                if (BLOCK_TAGS.contains(tag)) {
                    flush();
                    if (!tag.equals("br") && !tag.equals("hr")) {
                        open.add(e);
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("a")) {
                    linkDepth--;
                }
                if (BLOCK_TAGS.contains(tag) && !tag.equals("br") && !tag.equals("hr")) {
                    flush();
                    if (open.size() > 1) {
                        open.remove(open.size() - 1);
                    }
                }
                if (tag.equals("figcaption") || tag.equals("caption")) {
                    captionDepth--;
                }
            }
            return FilterResult.CONTINUE;
        }

        void flush() {
            String s = Text.collapse(text.toString());
            if (!s.isEmpty()) {
                Element e = open.get(open.size() - 1);
                blocks.add(new Block(s, Math.min(linkChars, s.length()), e.normalName(), e, captionDepth > 0));
            }
            text.setLength(0);
            linkChars = 0;
        }
    }
}
