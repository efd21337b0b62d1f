package dev.lede.internal.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.lede.article.Article;
import dev.lede.article.Published;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;

/**
 * A {@code .md} file is one article: optional YAML front matter between a first line {@code ---}
 * and the next {@code ---} line, then CommonMark text. The id is the file's name relative to the
 * folder ingested.
 *
 * <p>Front matter keys (case-insensitive): {@code title}; {@code url} or {@code link}; {@code
 * source}, {@code site} or {@code publisher}; {@code author} and {@code authors}; {@code published}
 * or {@code date} (see {@link Dates}); {@code tags}, {@code topics} and {@code categories}; {@code
 * language} or {@code lang}. Lists may be a YAML list or a single string. Front matter that is not
 * a YAML mapping is reported and ignored, and the rest of the file is still the article; so is an
 * unreadable date, and the article is indexed undated.
 *
 * <p>A level-1 heading ({@code # Title} or a {@code ===} underline) that opens the text, or that
 * follows a leading syndication notice, is the title when the front matter gives none, and is left
 * out of the body (also when it repeats the front matter's title). Without either, the title comes
 * from the body's first sentence.
 *
 * <p>The body is the text without its markup: links and code keep their text, images and HTML are
 * dropped; blocks are separated by a blank line, the items of a tight list and the lines of a
 * paragraph by a line break. A leading notice goes to the article's notice (see {@link TextRules}).
 * Encoding as for plain text: UTF-8, else Windows-1252 with a warning.
 */
public final class MarkdownArticleReader implements ArticleReader {
    // "no", "yes", "on" and "off" stay words: YAML 1.1 would make "lang: no" (Norwegian) false.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build();
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final Pattern FRONT_MATTER = Pattern.compile("---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|$)", Pattern.DOTALL);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    @Override
    public void read(InputFile input, Consumer<Article> sink, ReportCollector report) throws IOException {
        String text = FileText.read(input, report);
        if (text == null) {
            report.skipped(input.name(), 0, FileText.BINARY);
            return;
        }
        Article article = parse(input.name(), text, report);
        if (article == null) {
            report.skipped(input.name(), 0, FileText.EMPTY);
        } else {
            sink.accept(article);
        }
    }

    /** The article in a Markdown file's content, or {@code null} when there is no text. */
    static Article parse(String id, String raw, ReportCollector report) {
        String text = withLineFeeds(raw);
        Map<String, JsonNode> fields = Map.of();
        Matcher m = FRONT_MATTER.matcher(text);
        if (m.lookingAt()) {
            fields = frontMatter(id, m.group(1), report);
            text = text.substring(m.end());
        }
        String givenTitle = oneLine(text(fields, "title"));
        Body body = body(MARKDOWN.parse(text), givenTitle);
        String title = givenTitle != null ? givenTitle : body.title();
        if (title == null || title.isEmpty()) {
            title = TextRules.titleFromBody(body.split().text());
        }
        if (title.isEmpty() && body.split().text().isEmpty()) {
            return null;
        }
        return Article.builder(id)
                .title(title)
                .body(body.split().text())
                .notice(body.split().notice())
                .url(text(fields, "url", "link"))
                .source(text(fields, "source", "site", "publisher"))
                .authors(strings(fields, "author", "authors"))
                .published(published(fields, id, report))
                .topics(strings(fields, "tags", "topics", "categories"))
                .language(text(fields, "language", "lang"))
                .build();
    }

    /**
     * Text without a byte-order mark, with {@code \n} line endings. Not {@link TextRules#normalize},
     * which strips: front matter must open the very first line, and YAML error lines must be the file's.
     */
    private static String withLineFeeds(String raw) {
        String s = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Whitespace runs (line breaks in a YAML block scalar or Setext heading) folded to one space. */
    private static String oneLine(String s) {
        return s == null ? null : SPACES.matcher(s).replaceAll(" ").strip();
    }

    // --- front matter

    /** The front matter's keys, lower-cased, or none (with a warning) when it is not a YAML mapping. */
    private static Map<String, JsonNode> frontMatter(String file, String yaml, ReportCollector report) {
        if (yaml == null || yaml.isBlank()) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null || e.getLocation().getLineNr() < 1
                    ? 0
                    : e.getLocation().getLineNr() + 1; // the YAML starts on the file's second line
            report.warning(file, line, "front matter is not valid YAML (" + problem(e) + "); ignored");
            return Map.of();
        }
        if (!root.isObject()) {
            report.warning(file, 1, "front matter is not a YAML mapping of keys to values; ignored");
            return Map.of();
        }
        Map<String, JsonNode> fields = new HashMap<>();
        root.properties().forEach(e -> fields.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        return fields;
    }

    /** SnakeYAML's message without the source excerpt and caret lines, which are indented. */
    private static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(Collectors.joining("; "));
    }

    /** The first of the keys holding a single non-blank value, as text. */
    private static String text(Map<String, JsonNode> fields, String... keys) {
        for (String key : keys) {
            String value = scalar(fields.get(key));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The values under all the keys, each a single value or a list of them. */
    private static List<String> strings(Map<String, JsonNode> fields, String... keys) {
        List<String> values = new ArrayList<>();
        for (String key : keys) {
            JsonNode node = fields.get(key);
            if (node != null && node.isArray()) {
                node.forEach(v -> addScalar(values, v));
            } else {
                addScalar(values, node);
            }
        }
        return values;
    }

    private static void addScalar(List<String> values, JsonNode node) {
        String value = scalar(node);
        if (value != null) {
            values.add(value);
        }
    }

    private static String scalar(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static Published published(Map<String, JsonNode> fields, String file, ReportCollector report) {
        String value = dateText(fields.get("published"));
        if (value == null || value.isBlank()) {
            value = dateText(fields.get("date"));
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Dates.parse(value);
        } catch (IllegalArgumentException e) {
            report.warning(file, 0, "published: " + e.getMessage() + "; indexed undated");
            return null;
        }
    }

    /**
     * A date value as text. Jackson's YAML parser gives YAML timestamps as strings; a date object
     * (from a mapper that resolves them) is read as its instant, in UTC.
     */
    static String dateText(JsonNode node) {
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof Date date) {
            return date.toInstant().toString();
        }
        return scalar(node);
    }

    // --- text

    /** The title heading's text, or null, and the body's text split from its leading notice. */
    private record Body(String title, TextRules.Split split) {}

    private static Body body(Node document, String givenTitle) {
        Node first = document.getFirstChild();
        Node heading = isTitleHeading(first)
                ? first
                : first instanceof Paragraph && isTitleHeading(first.getNext()) ? first.getNext() : null;
        if (heading != null) {
            String headingText = oneLine(MarkdownText.of(heading, null));
            if (givenTitle == null || givenTitle.equals(headingText)) {
                TextRules.Split split = split(document, heading);
                // A heading after the first paragraph is the title only when that paragraph is a notice.
                if (heading == first || split.notice() != null) {
                    return new Body(headingText, split);
                }
            }
        }
        return new Body(null, split(document, null));
    }

    private static boolean isTitleHeading(Node node) {
        return node instanceof Heading h && h.getLevel() == 1;
    }

    private static TextRules.Split split(Node document, Node skipped) {
        return TextRules.splitNotice(TextRules.normalize(MarkdownText.of(document, skipped)));
    }
}
