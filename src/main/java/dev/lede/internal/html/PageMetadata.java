package dev.lede.internal.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lede.article.Published;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page's metadata, structured sources first: JSON-LD, then OpenGraph and other {@code <meta>}
 * tags ({@code citation_*}, Dublin Core, Parse.ly), then {@code <time>} elements and visible
 * bylines. Reads the page before the main-text pass changes it.
 *
 * @param title headline, site name removed
 * @param authors bylines
 * @param published publication date, or {@code null}
 * @param url canonical URL, or {@code ""}
 * @param source site name, or {@code ""}
 * @param language language tag, or {@code ""}
 * @param articleBody the JSON-LD {@code articleBody}, a hint for the main text, or {@code ""}
 * @param description the page's summary (og:description, description), or {@code ""}
 */
record PageMetadata(
        String title,
        List<String> authors,
        Published published,
        String url,
        String source,
        String language,
        String articleBody,
        String description) {

    private static final String[] DATE_META = {
        "article:published_time",
        "og:published_time",
        "datepublished",
        "parsely-pub-date",
        "sailthru.date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "publication_date",
        "dc.date.issued",
        "dc.date",
        "dcterms.date",
        "dcterms.created",
        "dcterms.issued",
        "citation_publication_date",
        "citation_date",
        "citation_online_date",
        "article.published",
        "date"
    };
    private static final String[] MODIFIED_META = {
        "article:modified_time", "og:updated_time", "datemodified", "last-modified"
    };
    private static final String[] AUTHOR_META = {
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "dcterms.creator",
        "citation_author",
        "byl",
        "twitter:creator:name"
    };
    private static final java.util.Set<String> DATE_WORDS = java.util.Set.of(
            "date",
            "dates",
            "time",
            "published",
            "posted",
            "pubdate",
            "timestamp",
            "dateline",
            "byline",
            "meta",
            "info",
            "publish",
            "updated",
            "duration");
    // A line that is a date, or that says it gives one: cue words, or digits and a month name only.
    private static final Pattern DATELINE =
            Pattern.compile("(?i)(?:.*\\b(?:published|posted|updated|on)\\b.*\\d.*|[\\p{L}.,]{0,12}[\\s\\d./,:-]*"
                    + "(?:\\p{L}+\\.?)?[\\s\\d./,:-]*(?:am|pm)?)");
    private static final Pattern AUTHOR_LINK = Pattern.compile(
            "(?i)/(?:author|authors|writer|writers|staff|contributor|contributors|people|byline)/[^/?#]+");
    private static final java.util.Set<String> AUTHOR_WORDS =
            java.util.Set.of("author", "authors", "byline", "writer", "contributor", "authorname");
    private static final Pattern ROLE_TAIL = Pattern.compile(
            "\\s+(?:\\p{Lu}\\p{L}+\\s+)?(?:Editor|Reporter|Writer|Correspondent|Contributor|Columnist|Producer)\\b.*$");
    // Capitalised words, with the particles of names ("van", "de") allowed in lower case.
    private static final Pattern VISIBLE_NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|\\(\\p{Lu}\\p{L}*\\)|van|von|de|der|den|da|di|du|la|le|bin|al|el))*(?:,? (?:and|&) \\p{Lu}.*)?");
    private static final Pattern BY =
            Pattern.compile("(?i)^(?:(?:written|reported|posted|updated)\\s+)?(?:by|author)(?:[:\\s]+|$)");
    // What follows the name on a byline: "• March 12, 2025", "| Updated", " on Dec 16, 2025".
    private static final Pattern BYLINE_TAIL = Pattern.compile(
            "\\s*(?:[•·|]|\\bon\\s+(?:\\p{Lu}\\p{L}+\\.?\\s+)?\\d|(?:\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\p{L}*\\.?\\s+)?\\d).*$");
    private static final Pattern BY_START = Pattern.compile("(?i)^(?:(?:written|reported|posted)\\s+)?by(?:[:\\s]|$)");
    // A byline left with only its date's words ("Lifestyle January") names no one. Months that are
    // also given names (April, June) are not in the list.
    private static final Pattern CALENDAR_WORD =
            Pattern.compile("\\b(?:January|February|September|October|November|December|Monday"
                    + "|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Updated|Published)\\b");
    // Placeholders that content systems print where a name belongs.
    private static final java.util.Set<String> NOT_NAMES = java.util.Set.of(
            "admin", "administrator", "category", "uncategorized", "learn more", "read more", "unknown", "anonymous");
    // "Jane Doe on Twitter": a link to a profile, printed in a byline or an author list, names a page.
    private static final Pattern SOCIAL_LABEL = Pattern.compile(
            "(?i).*\\b(?:on|via)\\s+(?:facebook|twitter|x|instagram|linkedin|threads|bluesky|mastodon|youtube|tiktok)$");
    private static final Pattern NAME_SPLIT = Pattern.compile("\\s*(?:;|&|\\||\\band\\b|,\\s*and\\b)\\s*");

    static PageMetadata read(Document doc) {
        JsonLd ld = JsonLd.of(doc);
        JsonNode article = ld.article();
        JsonNode page = ld.page();
        String source = first(
                meta(doc, "og:site_name"),
                name(ld, article == null ? null : article.get("publisher")),
                meta(doc, "application-name"),
                name(ld, page == null ? null : page.path("isPartOf").path("name")));
        String url = first(
                doc.select("link[rel=canonical]").attr("abs:href"),
                absolute(doc, meta(doc, "og:url")),
                article == null ? "" : text(article.get("url")),
                doc.location());
        String title = title(doc, ld, article, source, host(url));
        return new PageMetadata(
                title,
                withoutSiteName(authors(doc, ld, article), source, doc),
                published(doc, article, page),
                url,
                source,
                language(doc, article),
                article == null ? "" : text(article.get("articleBody")),
                first(meta(doc, "og:description"), meta(doc, "description"), meta(doc, "twitter:description")));
    }

    /**
     * The headline: the first metadata title without its site name, unless a visible {@code <h1>}
     * matches one of the metadata titles (headline, og:title, {@code <title>}: sites tune each for a
     * different reader), since what the page shows is what a reader calls the title. The
     * {@code <h1>} loses a suffix such as "| Opinion" when the metadata title lost it too.
     * When no heading matches, an {@code <h1>} the page marks as its headline (class or id) wins over
     * the metadata: sites give social cards a teaser title, and the reader sees the headline.
     */
    private static String title(Document doc, JsonLd ld, JsonNode article, String source, String host) {
        List<String> metaTitles = new ArrayList<>();
        for (String t : new String[] {
            article == null ? "" : text(article.get("headline")),
            meta(doc, "og:title"),
            meta(doc, "twitter:title"),
            meta(doc, "citation_title"),
            meta(doc, "dc.title"),
            article == null ? "" : text(article.get("name")),
            Text.collapse(doc.title())
        }) {
            String c = Titles.withoutSiteName(t, source, host);
            if (!c.isEmpty() && !metaTitles.contains(c)) {
                metaTitles.add(c);
            }
        }
        String cleaned = metaTitles.isEmpty() ? "" : metaTitles.get(0);
        String best = "";
        double bestScore = 0;
        List<Element> headings = doc.select("h1, [itemprop=headline]");
        if (headings.isEmpty()) {
            headings = doc.select("h2");
        }
        for (Element h : headings) {
            String text = Text.collapse(h.text());
            if (text.length() > 300) {
                continue;
            }
            String shorter = Titles.withoutSiteName(text, source, host);
            for (String m : metaTitles) {
                double score = Titles.similarity(text, m);
                double shorterScore = Titles.similarity(shorter, m);
                if (Math.max(score, shorterScore) > bestScore) {
                    best = shorterScore > score ? shorter : text;
                    bestScore = Math.max(score, shorterScore);
                }
            }
        }
        if (bestScore >= 0.6 || (cleaned.isEmpty() && !best.isEmpty())) {
            return best;
        }
        for (Element h : doc.select("h1")) {
            String marks = (h.className() + " " + h.id()).toLowerCase(Locale.ROOT);
            String text = Text.collapse(h.text());
            if (marks.contains("headline") && text.length() >= 20 && text.length() <= 300) {
                return text;
            }
        }
        return cleaned;
    }

    /**
     * The writers: JSON-LD people, else author meta tags (and the "Written by" label WordPress puts
     * in Twitter's card), else a visible byline. An organisation named as the JSON-LD author is the
     * last resort, after the byline: sites credit their own name there for staff stories.
     */
    private static List<String> authors(Document doc, JsonLd ld, JsonNode article) {
        List<String> names = new ArrayList<>();
        List<String> orgs = new ArrayList<>();
        if (article != null) {
            collectAuthors(ld, article.get("author"), names, orgs);
            if (names.isEmpty()) {
                collectAuthors(ld, article.get("creator"), names, orgs);
            }
        }
        if (names.isEmpty() && orgs.isEmpty()) {
            for (String key : AUTHOR_META) {
                for (Element m : metas(doc, key)) {
                    addNames(m.attr("content"), names);
                }
                if (!names.isEmpty()) {
                    break;
                }
            }
        }
        if (names.isEmpty() && orgs.isEmpty()) {
            writtenByLabel(doc, names);
        }
        if (names.isEmpty()) {
            visibleAuthors(doc, names);
        }
        if (names.isEmpty()) {
            names.addAll(orgs);
        }
        return names;
    }

    /**
     * Names that are the site's own ("USA TODAY" as the author of a USA TODAY story) give way to a
     * visible byline, and a name's ", The Daily Post" credit is dropped. A site named after its
     * writer ("Dan Davies - Back of Mind") keeps the name.
     */
    private static List<String> withoutSiteName(List<String> names, String source, Document doc) {
        if (source.isEmpty() || names.isEmpty()) {
            return names;
        }
        if (names.stream().allMatch(n -> Titles.words(n).equals(Titles.words(source)))) {
            List<String> visible = new ArrayList<>();
            visibleAuthors(doc, visible);
            return visible.isEmpty() ? names : visible;
        }
        List<String> out = new ArrayList<>();
        for (String n : names) {
            int comma = n.lastIndexOf(", ");
            out.add(comma > 0 && namesSite(n.substring(comma + 2), source) ? n.substring(0, comma) : n);
        }
        return out;
    }

    /** Whether every word of {@code name} but "the" is a word of the site's name. */
    private static boolean namesSite(String name, String source) {
        List<String> site = Titles.words(source);
        List<String> words = Titles.words(name);
        words.remove("the");
        return !words.isEmpty() && site.containsAll(words);
    }

    private static void writtenByLabel(Document doc, List<String> names) {
        for (int i = 1; i <= 4; i++) {
            if (meta(doc, "twitter:label" + i).equalsIgnoreCase("Written by")) {
                addNames(meta(doc, "twitter:data" + i), names);
                return;
            }
        }
    }

    /** Bylines a reader sees: author links and elements whose class says author or byline. */
    private static void visibleAuthors(Document doc, List<String> names) {
        firstGroup(doc.select("[itemprop=author] [itemprop=name], [itemprop=author], a[rel=author]"), names);
        if (!names.isEmpty() || doc.body() == null) {
            return;
        }
        List<Element> links = new ArrayList<>();
        for (Element a : doc.body().getElementsByTag("a")) {
            if (AUTHOR_LINK.matcher(a.attr("href")).find()) {
                links.add(a);
            }
        }
        firstGroup(links, names);
        if (!names.isEmpty()) {
            return;
        }
        for (Element e : doc.body().getAllElements()) {
            for (String w : Boilerplate.words(e.className() + " " + e.id())) {
                if (AUTHOR_WORDS.contains(w) && e.text().length() <= 80) {
                    addVisibleName(e.text(), names);
                    break;
                }
            }
            if (!names.isEmpty()) {
                return;
            }
        }
        Element h1 = doc.body().selectFirst("h1");
        List<Element> all = doc.body().getAllElements();
        int from = h1 == null ? 0 : Math.max(0, all.indexOf(h1));
        bylineFrom(all.subList(from, all.size()), names);
        if (names.isEmpty()) {
            bylineFrom(all.subList(0, from), names);
        }
    }

    /**
     * The first "By Jane Doe" line among {@code elements}, whatever its class: "By" in the element's
     * own text, the name in it, in a link inside it or in the next element.
     */
    private static void bylineFrom(List<Element> elements, List<String> names) {
        for (Element e : elements) {
            String own = Text.collapse(e.ownText());
            if (own.length() > 80 || !BY_START.matcher(own).lookingAt()) {
                continue;
            }
            String line = Text.collapse(e.text());
            if (BY.matcher(line).replaceFirst("").isEmpty() && e.nextElementSibling() != null) {
                line = line + " " + Text.collapse(e.nextElementSibling().text());
            }
            if (line.length() <= 100) {
                addVisibleName(line, names);
                if (!names.isEmpty()) {
                    return;
                }
            }
        }
    }

    /** Names from the first byline element and those beside it: later ones credit other stories. */
    private static void firstGroup(List<Element> found, List<String> names) {
        Element group = null;
        for (Element e : found) {
            if (group == null) {
                addVisibleName(e.text(), names);
                if (!names.isEmpty()) {
                    group = e.parent() != null && e.parent().parent() != null
                            ? e.parent().parent()
                            : e;
                }
            } else if (e.parents().contains(group) && e.text().length() <= 60) {
                addVisibleName(e.text(), names);
            }
        }
    }

    private static void addVisibleName(String raw, List<String> names) {
        String s = BY.matcher(Text.collapse(raw)).replaceFirst("");
        s = BYLINE_TAIL.matcher(s).replaceFirst("");
        s = ROLE_TAIL.matcher(s).replaceFirst("").strip();
        if (!VISIBLE_NAME.matcher(s).matches()) {
            return;
        }
        if (s.isEmpty()
                || s.length() > 60
                || s.chars().anyMatch(Character::isDigit)
                || s.split(" ").length > 6
                || CALENDAR_WORD.matcher(s).find()) {
            return;
        }
        addNames(s, names);
    }

    private static void collectAuthors(JsonLd ld, JsonNode node, List<String> people, List<String> orgs) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collectAuthors(ld, n, people, orgs));
            return;
        }
        JsonNode n = ld.resolve(node);
        if (n.isTextual()) {
            addNames(n.asText(), people);
        } else if (n.isObject()) {
            boolean org = JsonLd.types(n).stream()
                    .anyMatch(t -> t.contains("organization") || t.equals("newsmediaorganization"));
            addNames(text(n.get("name")), org ? orgs : people);
        }
    }

    private static void addNames(String raw, List<String> out) {
        String s = Text.collapse(raw);
        if (s.isEmpty() || s.contains("://") || s.startsWith("www.") || s.startsWith("@") && !s.contains(" ")) {
            return;
        }
        s = BY.matcher(s).replaceFirst("");
        for (String part : NAME_SPLIT.split(s)) {
            String name = part.strip().replaceAll("^[,:\\s]+|[,:\\s]+$", "");
            if (!name.isEmpty()
                    && name.length() <= 80
                    && name.split(" ").length <= 8
                    && !NOT_NAMES.contains(name.toLowerCase(Locale.ROOT))
                    && !SOCIAL_LABEL.matcher(name).matches()
                    && !out.contains(name)) {
                out.add(name);
            }
        }
    }

    /**
     * The publication date: the first of JSON-LD datePublished, date meta tags, {@code <time>} and
     * other {@code itemprop} dates; else a visible dateline no later than the page's modification
     * date; else the modification date (JSON-LD dateModified, article:modified_time), which says
     * when the page last changed rather than when it came out. A date written in UTC gives way to
     * the same moment, give or take a day, written in the page's own offset: the page's local day
     * is the publication day.
     */
    private static Published published(Document doc, JsonNode article, JsonNode page) {
        List<Published> candidates = metadataDates(doc, article, page);
        if (candidates.isEmpty()) {
            Published visible = visibleDate(doc);
            Published modified = modifiedDate(doc, article);
            // A page is not published after its last change: a later "date" is a header's today.
            return visible != null && (modified == null || !visible.date().isAfter(modified.date()))
                    ? visible
                    : modified;
        }
        Published first = confirmedByDateline(doc, declaredDates(doc, article, page), candidates.get(0));
        OffsetDateTime utc = first.dateTime().orElse(null);
        if (utc != null && utc.getOffset().equals(ZoneOffset.UTC)) {
            for (Published p : candidates) {
                OffsetDateTime local = p.dateTime().orElse(null);
                if (local != null
                        && !local.getOffset().equals(ZoneOffset.UTC)
                        && Math.abs(Duration.between(utc, local).toHours()) < 24) {
                    return p;
                }
            }
        }
        return first;
    }

    /**
     * Where the page's publication dates name different days, the one its visible dateline shows:
     * the date the reader is told. Otherwise the most trusted. The dateline is only read on such a
     * disagreement, as walking the page costs time.
     */
    private static Published confirmedByDateline(Document doc, List<Published> candidates, Published first) {
        if (candidates.stream().allMatch(p -> p.date().equals(first.date()))) {
            return first;
        }
        Published visible = visibleDate(doc);
        if (visible == null) {
            return first;
        }
        return candidates.stream()
                .filter(p -> p.date().equals(visible.date()))
                .findFirst()
                .orElse(first);
    }

    /** The page's machine-readable publication dates, most trusted first. */
    private static List<Published> metadataDates(Document doc, JsonNode article, JsonNode page) {
        List<Published> out = declaredDates(doc, article, page);
        for (Element t : doc.select("time[datetime], [itemprop=datePublished][datetime]")) {
            addDate(out, t.attr("datetime"));
        }
        for (Element e : doc.select("[itemprop~=(?i)date][content]")) {
            if (!e.attr("itemprop").equalsIgnoreCase("dateModified")) {
                addDate(out, e.attr("content"));
            }
        }
        return out;
    }

    /** Publication dates the page declares for itself, in JSON-LD and meta tags. */
    private static List<Published> declaredDates(Document doc, JsonNode article, JsonNode page) {
        List<Published> out = new ArrayList<>();
        if (article != null) {
            for (String key : new String[] {"datePublished", "dateCreated", "uploadDate"}) {
                addDate(out, text(article.get(key)));
            }
        }
        if (page != null) {
            addDate(out, text(page.get("datePublished")));
        }
        for (String key : DATE_META) {
            for (Element m : metas(doc, key)) {
                addDate(out, m.attr("content"));
            }
        }
        return out;
    }

    private static Published modifiedDate(Document doc, JsonNode article) {
        List<Published> out = new ArrayList<>();
        if (article != null) {
            addDate(out, text(article.get("dateModified")));
        }
        for (String key : MODIFIED_META) {
            for (Element m : metas(doc, key)) {
                addDate(out, m.attr("content"));
            }
        }
        for (Element e : doc.select("[itemprop=dateModified][content]")) {
            addDate(out, e.attr("content"));
        }
        return out.isEmpty() ? null : out.get(0);
    }

    private static void addDate(List<Published> out, String value) {
        Published p = PageDates.parseMachine(value);
        if (p != null) {
            out.add(p);
        }
    }

    /**
     * A visible dateline: in an element whose class or id says it holds a date or a byline, else
     * a short line that is only a date or names it ("Updated: May 6, 2025", "by Ann Lee on Dec 16,
     * 2025"), looked for after the headline first, as the byline sits under it and sidebars and
     * comments carry other dates.
     */
    private static Published visibleDate(Document doc) {
        if (doc.body() == null) {
            return null;
        }
        List<Element> all = doc.body().getAllElements();
        for (Element e : all) {
            boolean dated = e.normalName().equals("time");
            for (String w : Boilerplate.words(e.className() + " " + e.id())) {
                dated |= DATE_WORDS.contains(w);
            }
            // Class words first: text() walks the subtree, too slow to ask of every element.
            String text = dated ? e.text() : "";
            if (dated && text.length() >= 6 && text.length() <= 150) {
                Published p = PageDates.parseText(Text.collapse(text));
                if (p != null) {
                    return p;
                }
            }
        }
        Element h1 = doc.body().selectFirst("h1");
        int from = h1 == null ? 0 : Math.max(0, all.indexOf(h1));
        Published p = datelineFrom(all.subList(from, all.size()));
        return p != null ? p : datelineFrom(all.subList(0, from));
    }

    private static Published datelineFrom(List<Element> elements) {
        for (Element e : elements) {
            String own = Text.collapse(e.ownText());
            if (own.length() >= 6 && own.length() <= 80 && DATELINE.matcher(own).matches()) {
                Published p = PageDates.parseText(own);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String language(Document doc, JsonNode article) {
        String lang = first(
                doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang"),
                doc.select("meta[http-equiv~=(?i)content-language]").attr("content"),
                article == null ? "" : text(article.get("inLanguage")),
                meta(doc, "og:locale"));
        return lang.replace('_', '-').strip();
    }

    private static List<Element> metas(Document doc, String key) {
        List<Element> out = new ArrayList<>();
        for (Element m : doc.getElementsByTag("meta")) {
            String k = first(m.attr("property"), m.attr("name"), m.attr("itemprop"));
            if (k.equalsIgnoreCase(key) && !m.attr("content").isBlank()) {
                out.add(m);
            }
        }
        return out;
    }

    private static String meta(Document doc, String key) {
        List<Element> m = metas(doc, key);
        return m.isEmpty() ? "" : Text.collapse(m.get(0).attr("content"));
    }

    private static String name(JsonLd ld, JsonNode node) {
        if (node == null) {
            return "";
        }
        JsonNode n = ld.resolve(node.isArray() && !node.isEmpty() ? node.get(0) : node);
        return n.isTextual() ? Text.collapse(n.asText()) : text(n.get("name"));
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return "";
        }
        if (node.isArray()) {
            return node.isEmpty() ? "" : text(node.get(0));
        }
        if (node.isObject()) {
            return text(node.has("@value") ? node.get("@value") : node.get("@id"));
        }
        return node.isValueNode() ? Text.collapse(node.asText()) : "";
    }

    private static String absolute(Document doc, String url) {
        if (url.isEmpty()) {
            return "";
        }
        try {
            return doc.location().isEmpty()
                    ? url
                    : URI.create(doc.location()).resolve(url).toString();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}
