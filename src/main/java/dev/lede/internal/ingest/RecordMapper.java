package dev.lede.internal.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.internal.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Maps a JSON record to an {@link Article}, under the field names applications commonly use: {@code
 * id}/{@code _id}/{@code guid}; {@code title}/{@code headline}; {@code body}/{@code text}/{@code
 * content}/{@code article}; {@code published}/{@code date}/{@code pubDate}/{@code
 * published_at}/{@code datePublished}; {@code url}/{@code link}; {@code author}/{@code
 * authors}/{@code byline}; {@code source}/{@code site}/{@code publisher}; {@code topics}/{@code
 * tags}/{@code categories}; {@code language}/{@code lang}. Other top-level scalar fields, and the
 * entries of an {@code extra} object, become extra values. A record without an id gets {@code
 * <file>#<line or array position>}.
 */
final class RecordMapper {
    /** Longest string value read, in characters: far above any article, far below the heap. */
    static final int MAX_STRING_CHARS = 50_000_000;
    /** Deepest nesting read: real records are a few levels deep; deeper is hostile or broken. */
    static final int MAX_NESTING_DEPTH = 64;

    /** The mapper for article JSON, with Lede's stream limits; a line with trailing content fails. */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_STRING_CHARS)
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final List<String> ID = List.of("id", "_id", "guid");
    private static final List<String> TITLE = List.of("title", "headline");
    private static final List<String> BODY = List.of("body", "text", "content", "article");
    private static final List<String> PUBLISHED =
            List.of("published", "date", "pubDate", "published_at", "datePublished");
    private static final List<String> URL = List.of("url", "link");
    private static final List<String> AUTHORS = List.of("authors", "author", "byline");
    private static final List<String> SOURCE = List.of("source", "site", "publisher");
    private static final List<String> TOPICS = List.of("topics", "tags", "categories");
    private static final List<String> LANGUAGE = List.of("language", "lang");
    private static final Set<String> KNOWN = known();
    private static final Pattern NOT_EXTRA_CHAR = Pattern.compile("[^a-z0-9_-]");

    private RecordMapper() {}

    /** The article in {@code record}, or {@code null} after reporting why it was skipped. */
    static Article map(JsonNode record, String file, int position, ReportCollector report) {
        if (!record.isObject()) {
            report.failed(file, position, "not a JSON object");
            return null;
        }
        String id = first(record, ID);
        if (id == null || id.isBlank()) {
            id = file + "#" + position;
        }
        TextRules.Split split = TextRules.splitNotice(TextRules.normalize(orEmpty(first(record, BODY))));
        String title = orEmpty(first(record, TITLE)).strip();
        if (title.isEmpty()) {
            title = TextRules.titleFromBody(split.text());
        }
        if (title.isEmpty() && split.text().isEmpty()) {
            report.skipped(file, position, "article '" + id + "' has neither a title nor a body");
            return null;
        }
        Article article;
        try {
            article = build(record, id, title, split, file, position, report);
        } catch (IllegalArgumentException e) {
            report.skipped(file, position, e.getMessage());
            return null;
        }
        warnLongValues(article, file, position, report);
        return article;
    }

    private static void warnLongValues(Article a, String file, int position, ReportCollector report) {
        List<String> values = new ArrayList<>(a.authors());
        values.addAll(a.topics());
        values.addAll(a.extra().values());
        if (a.source() != null) {
            values.add(a.source());
        }
        for (String v : values) {
            if (v.length() > Schema.MAX_KEYWORD_CHARS) {
                report.warning(
                        file,
                        position,
                        "a value of " + v.length() + " characters is stored whole but" + " matched on its first "
                                + Schema.MAX_KEYWORD_CHARS + " characters only");
                return;
            }
        }
    }

    private static Article build(
            JsonNode record,
            String id,
            String title,
            TextRules.Split split,
            String file,
            int position,
            ReportCollector report) {
        return Article.builder(id)
                .title(title)
                .body(split.text())
                .notice(split.notice())
                .url(first(record, URL))
                .source(first(record, SOURCE))
                .authors(list(record, AUTHORS))
                .topics(list(record, TOPICS))
                .language(first(record, LANGUAGE))
                .published(published(record, file, position, report))
                .extra(extra(record))
                .build();
    }

    private static Published published(JsonNode record, String file, int position, ReportCollector report) {
        return Dates.parseOrWarn(first(record, PUBLISHED), file, position, report);
    }

    /** The first of the names holding a scalar, or a {@code name} inside an object, as text. */
    private static String first(JsonNode record, List<String> names) {
        for (String name : names) {
            String value = scalar(record.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String scalar(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isObject()) {
            return scalar(node.has("name") ? node.get("name") : node.get("href"));
        }
        return null;
    }

    /** A string, an object with a name, or an array of either, under the first name present. */
    private static List<String> list(JsonNode record, List<String> names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            JsonNode node = record.get(name);
            if (node == null || node.isNull()) {
                continue;
            }
            if (node.isArray()) {
                node.forEach(v -> {
                    String s = scalar(v);
                    if (s != null) {
                        values.add(s);
                    }
                });
            } else if (scalar(node) != null) {
                values.add(scalar(node));
            }
            if (!values.isEmpty()) {
                break;
            }
        }
        return values;
    }

    private static Map<String, String> extra(JsonNode record) {
        Map<String, String> extra = new TreeMap<>();
        record.properties().forEach(e -> {
            if (!KNOWN.contains(e.getKey())
                    && e.getValue().isValueNode()
                    && !e.getValue().isNull()) {
                putExtra(extra, e.getKey(), e.getValue().asText());
            }
        });
        JsonNode explicit = record.get("extra");
        if (explicit != null && explicit.isObject()) {
            explicit.properties().forEach(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    putExtra(extra, e.getKey(), e.getValue().asText());
                }
            });
        }
        return extra;
    }

    private static void putExtra(Map<String, String> extra, String key, String value) {
        String name = NOT_EXTRA_CHAR.matcher(key.toLowerCase(Locale.ROOT)).replaceAll("_");
        if (!name.isEmpty() && Character.isLetter(name.charAt(0)) && name.length() <= 64) {
            extra.put(name, value);
        }
    }

    private static Set<String> known() {
        Set<String> all = new java.util.HashSet<>();
        for (List<String> names : List.of(ID, TITLE, BODY, PUBLISHED, URL, AUTHORS, SOURCE, TOPICS, LANGUAGE)) {
            all.addAll(names);
        }
        all.add("extra");
        return Set.copyOf(all);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
