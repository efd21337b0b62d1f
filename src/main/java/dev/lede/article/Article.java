package dev.lede.article;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One news article: what Lede indexes, stores and returns.
 *
 * <p>An article needs a non-blank {@code id} and a non-blank title or body. {@code url}, {@code
 * source}, {@code published}, {@code language} and {@code notice} may be {@code null}; {@code
 * authors} and {@code topics} are never null (empty when unknown). The {@code notice} is a leading
 * syndication or boilerplate line found at ingest ("You can view this story on their website..."):
 * kept with the article but out of its title, its indexed body and its snippets.
 *
 * @param id unique key, at most {@value #MAX_ID_CHARS} characters; adding an article with an id
 *     already in the index replaces it
 * @param title headline, possibly empty when there is a body
 * @param body main text, paragraphs separated by blank lines
 * @param url link to the original, or {@code null}
 * @param source outlet or site name, or {@code null}
 * @param authors bylines, in order
 * @param published publication date or date-time, or {@code null} when undated
 * @param topics topic labels or tags
 * @param language language code such as {@code en}, or {@code null}
 * @param notice leading syndication notice removed from the text, or {@code null}
 * @param extra extra named values (section, tenant, ...): stored and filterable, never ranked;
 *     names are 1 to 64 characters of {@code a-z}, {@code 0-9}, {@code _} and {@code -}, starting with a
 *     letter; never null, sorted by name
 */
public record Article(
        String id,
        String title,
        String body,
        String url,
        String source,
        List<String> authors,
        Published published,
        List<String> topics,
        String language,
        String notice,
        Map<String, String> extra) {
    /** Longest id: ids are exact index terms, which Lucene caps at 32,766 bytes. */
    public static final int MAX_ID_CHARS = 1_000;

    private static final Pattern EXTRA_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    /** Validates the article; see the class description for the rules. */
    public Article {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("article id is blank");
        }
        if (id.length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException(
                    "article id is " + id.length() + " characters long; at most " + MAX_ID_CHARS + " are allowed");
        }
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body.strip();
        if (title.isEmpty() && body.isEmpty()) {
            throw new IllegalArgumentException("article '" + id + "' has neither a title nor a body");
        }
        url = blankToNull(url);
        source = blankToNull(source);
        language = blankToNull(language);
        notice = blankToNull(notice);
        authors = cleanList(authors, "authors");
        topics = cleanList(topics, "topics");
        extra = cleanExtra(extra);
    }

    /** A builder for an article with the given id. */
    public static Builder builder(String id) {
        return new Builder().id(id);
    }

    /** A builder with no values set yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this article's values, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .title(title)
                .body(body)
                .url(url)
                .source(source)
                .authors(authors)
                .published(published)
                .topics(topics)
                .language(language)
                .notice(notice)
                .extra(extra);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, String> cleanExtra(Map<String, String> extra) {
        Objects.requireNonNull(extra, "extra");
        TreeMap<String, String> out = new TreeMap<>();
        extra.forEach((name, value) -> {
            Objects.requireNonNull(name, "extra name");
            if (!EXTRA_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "extra field name '" + name + "' must be 1 to 64 of a-z, 0-9, _ and -, starting with a letter");
            }
            if (value != null && !value.isBlank()) {
                out.put(name, value.strip());
            }
        });
        return Collections.unmodifiableMap(out);
    }

    private static List<String> cleanList(List<String> values, String name) {
        Objects.requireNonNull(values, name);
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            if (v != null && !v.isBlank() && !out.contains(v.strip())) {
                out.add(v.strip());
            }
        }
        return List.copyOf(out);
    }

    /** Builds an {@link Article}; {@link #build()} validates and may be called again. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String title;
        private String body;
        private String url;
        private String source;
        private List<String> authors = List.of();
        private Published published;
        private List<String> topics = List.of();
        private String language;
        private String notice;
        private final Map<String, String> extra = new TreeMap<>();

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder authors(List<String> authors) {
            this.authors = Objects.requireNonNull(authors, "authors");
            return this;
        }

        public Builder authors(String... authors) {
            return authors(List.of(authors));
        }

        public Builder published(Published published) {
            this.published = published;
            return this;
        }

        public Builder topics(List<String> topics) {
            this.topics = Objects.requireNonNull(topics, "topics");
            return this;
        }

        public Builder topics(String... topics) {
            return topics(List.of(topics));
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder notice(String notice) {
            this.notice = notice;
            return this;
        }

        /** Replaces the extra values with {@code values}. */
        public Builder extra(Map<String, String> values) {
            Objects.requireNonNull(values, "extra");
            extra.clear();
            extra.putAll(values);
            return this;
        }

        /** Sets one extra value; {@code null} removes it. */
        public Builder extra(String name, String value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                extra.remove(name);
            } else {
                extra.put(name, value);
            }
            return this;
        }

        /**
         * @throws IllegalArgumentException if the id is blank or there is neither title nor body
         * @throws NullPointerException if no id was set
         */
        public Article build() {
            return new Article(id, title, body, url, source, authors, published, topics, language, notice, extra);
        }
    }
}
