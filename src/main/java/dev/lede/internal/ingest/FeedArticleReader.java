package dev.lede.internal.ingest;

import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.internal.html.HtmlExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * An RSS (2.0, and 1.0's RDF) or Atom feed ({@code .rss}, {@code .atom}, or an {@code .xml} file
 * whose root is {@code rss}, {@code rdf:RDF} or {@code feed}): one article per item or entry. The
 * id is the item's {@code guid} (Atom: {@code id}) as it is, else its link, else {@code <relative
 * path>#<item number>}; the link is the url; {@code pubDate}, {@code dc:date}, {@code published}
 * or {@code updated} the date; {@code author}, {@code dc:creator} or Atom's {@code author/name}
 * the authors; categories the topics; the feed's own title the source. The body is {@code
 * content:encoded} or Atom's {@code content}, else the description or summary, with its HTML
 * turned into text through the same extractor as web pages. Read with jsoup's XML parser.
 */
public final class FeedArticleReader implements ArticleReader {
    /** What is reported for an XML file that is not a feed. */
    static final String NOT_A_FEED = "not an RSS or Atom feed (its root element is <%s>)";

    @Override
    public void read(InputFile input, Consumer<Article> sink, ReportCollector report) throws IOException {
        if (Files.size(input.path()) == 0) {
            report.skipped(input.name(), 0, FileText.EMPTY);
            return;
        }
        if (FileText.isBinary(input.path())) {
            report.skipped(input.name(), 0, FileText.BINARY);
            return;
        }
        Document doc;
        try (InputStream in = Files.newInputStream(input.path())) {
            doc = Jsoup.parse(in, null, "", Parser.xmlParser()); // the XML declaration gives the charset
        }
        Element root = doc.children().first();
        String rootName = root == null ? "" : root.tagName().toLowerCase(Locale.ROOT);
        boolean atom = rootName.equals("feed");
        if (!atom && !rootName.equals("rss") && !rootName.equals("rdf:rdf")) {
            report.skipped(input.name(), 0, String.format(Locale.ROOT, NOT_A_FEED, rootName));
            return;
        }
        String source = feedTitle(root, atom);
        List<Element> items = atom ? root.getElementsByTag("entry") : root.getElementsByTag("item");
        int number = 0;
        for (Element item : items) {
            number++;
            Article a = atom
                    ? entry(item, input.name(), number, source, report)
                    : item(item, input.name(), number, source, report);
            if (a == null) {
                report.skipped(input.name(), number, "item " + number + " has neither a title nor any text");
            } else {
                sink.accept(a);
            }
        }
    }

    private static String feedTitle(Element root, boolean atom) {
        Element channel = atom ? root : root.selectFirst("> channel");
        if (channel == null) {
            return null;
        }
        Element title = channel.selectFirst("> title");
        return title == null ? null : HtmlArticleReader.blankToNull(title.text());
    }

    private static Article item(Element item, String file, int number, String source, ReportCollector report) {
        String link = text(item, "link");
        String id = firstNonBlank(text(item, "guid"), attr(item, "rdf:about"), link, file + "#" + number);
        String html = firstNonBlank(text(item, "content:encoded"), text(item, "description"));
        List<String> authors = new ArrayList<>();
        for (Element e : item.children()) {
            String tag = e.tagName().toLowerCase(Locale.ROOT);
            if (tag.equals("author") || tag.equals("dc:creator")) {
                authors.add(e.text());
            }
        }
        return article(
                id,
                text(item, "title"),
                html,
                link,
                source,
                authors,
                categories(item, false),
                Dates.parseOrWarn(firstNonBlank(text(item, "pubDate"), text(item, "dc:date")), file, number, report));
    }

    private static Article entry(Element entry, String file, int number, String source, ReportCollector report) {
        String link = null;
        for (Element l : entry.children()) {
            if (l.tagName().equalsIgnoreCase("link")
                    && (l.attr("rel").isEmpty() || l.attr("rel").equalsIgnoreCase("alternate"))) {
                link = HtmlArticleReader.blankToNull(l.attr("href"));
                break;
            }
        }
        String id = firstNonBlank(text(entry, "id"), link, file + "#" + number);
        List<String> authors = new ArrayList<>();
        for (Element a : entry.children()) {
            if (a.tagName().equalsIgnoreCase("author")) {
                Element name = a.selectFirst("> name");
                authors.add(name != null ? name.text() : a.text());
            }
        }
        return article(
                id,
                text(entry, "title"),
                firstNonBlank(content(entry, "content"), content(entry, "summary")),
                link,
                source,
                authors,
                categories(entry, true),
                Dates.parseOrWarn(
                        firstNonBlank(text(entry, "published"), text(entry, "updated")), file, number, report));
    }

    private static Article article(
            String id,
            String title,
            String html,
            String link,
            String source,
            List<String> authors,
            List<String> topics,
            Published published) {
        String body = html == null ? "" : text(html);
        String t = title == null ? "" : Jsoup.parse(title).text().strip(); // titles may be escaped HTML
        if (t.isEmpty()) {
            t = TextRules.titleFromBody(body);
        }
        if (t.isEmpty() && body.isEmpty()) {
            return null;
        }
        return Article.builder(id)
                .title(t)
                .body(body)
                .url(link)
                .source(source)
                .authors(authors.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .topics(topics)
                .published(published)
                .build();
    }

    /** Text of a feed item's HTML: its main text, else the text of every block in it. */
    static String text(String html) {
        String main = HtmlExtractor.extract("<html><body><article>" + html + "</article></body></html>", "")
                .body()
                .strip();
        if (!main.isEmpty()) {
            return main;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        List<String> blocks = new ArrayList<>();
        for (Element e : doc.body().select("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre")) {
            if (e.selectFirst("p, li, blockquote, pre") == null && !e.text().isBlank()) {
                blocks.add(e.text().strip());
            }
        }
        return blocks.isEmpty() ? doc.body().text().strip() : String.join("\n\n", blocks);
    }

    private static List<String> categories(Element item, boolean atom) {
        Set<String> topics = new LinkedHashSet<>();
        for (Element c : item.children()) {
            if (c.tagName().equalsIgnoreCase("category")) {
                String value = atom ? firstNonBlank(c.attr("label"), c.attr("term")) : c.text();
                if (value != null && !value.isBlank()) {
                    topics.add(value.strip());
                }
            }
        }
        return List.copyOf(topics);
    }

    /** The text of a direct child element, or {@code null}. */
    private static String text(Element parent, String tag) {
        for (Element c : parent.children()) {
            if (c.tagName().equalsIgnoreCase(tag)) {
                return HtmlArticleReader.blankToNull(c.text());
            }
        }
        return null;
    }

    /** Atom text: escaped HTML or plain text as its text, inline XHTML as its markup. */
    private static String content(Element entry, String tag) {
        for (Element c : entry.children()) {
            if (c.tagName().equalsIgnoreCase(tag)) {
                return HtmlArticleReader.blankToNull(c.attr("type").equalsIgnoreCase("xhtml") ? c.html() : c.text());
            }
        }
        return null;
    }

    private static String attr(Element e, String name) {
        return HtmlArticleReader.blankToNull(e.attr(name));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
