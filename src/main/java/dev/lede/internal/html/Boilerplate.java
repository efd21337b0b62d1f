package dev.lede.internal.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What marks page furniture: class, id and role words (navigation, share bars, comments,
 * related lists, newsletter and cookie notices, ads), and the short stock lines such furniture
 * leaves in text ("Advertisement", "Read more"). Words, not substrings: {@code class="header"}
 * is furniture, {@code class="headline"} is not.
 */
final class Boilerplate {
    /** Furniture whatever else the class says. */
    private static final Set<String> STRONG = Set.of(
            "comment",
            "comments",
            "commentlist",
            "disqus",
            "respond",
            "replies",
            "cookie",
            "cookies",
            "consent",
            "gdpr",
            "newsletter",
            "newsletters",
            "subscribe",
            "subscription",
            "signup",
            "outbrain",
            "taboola",
            "breadcrumb",
            "breadcrumbs",
            "skiplink",
            "skiplinks",
            "share",
            "sharing",
            "sharebar",
            "social",
            "socials",
            "sharethis",
            "addthis",
            "advert",
            "advertisement",
            "advertising",
            "ad",
            "ads",
            "adslot",
            "adunit",
            "dfp",
            "sponsor",
            "sponsored",
            "promo",
            "promos",
            "popup",
            "modal",
            "paywall-prompt",
            "recirc",
            "recirculation",
            "trending",
            "mostpopular",
            "most-popular");

    /** Furniture unless the class also names content. */
    private static final Set<String> WEAK = Set.of(
            "nav",
            "navbar",
            "navigation",
            "menu",
            "menus",
            "footer",
            "header",
            "masthead",
            "sidebar",
            "aside",
            "rail",
            "widget",
            "widgets",
            "related",
            "recommended",
            "recommendations",
            "more",
            "tags",
            "tag",
            "taglist",
            "toolbar",
            "banner",
            "byline",
            "bio",
            "author",
            "meta",
            "pagination",
            "pager",
            "print",
            "overlay",
            "dialog",
            "login",
            "signin",
            "register",
            "jump",
            "skip",
            "tools",
            "utility",
            "sticky",
            "alert",
            "notice",
            "disclaimer",
            "teaser",
            "teasers",
            "card",
            "cards",
            "listing",
            "feed",
            "topics",
            "follow",
            "supplemental",
            "extra",
            "links",
            "crumbs",
            "flyout",
            "drawer",
            "dropdown",
            "search",
            "lightbox",
            "carousel",
            "slider",
            "slideshow",
            "video",
            "player",
            "podcast",
            "playlist",
            "caption",
            "credit",
            "credits",
            "copyright",
            "timestamp",
            "date",
            "dateline",
            "icon",
            "icons",
            "logo",
            "badge",
            "rating",
            "feedback",
            "survey",
            "poll",
            "contact",
            "hidden",
            "offscreen",
            "hide",
            "nocontent");

    /** Words that say "this is the article": they save a weakly marked element. */
    private static final Set<String> CONTENT = Set.of(
            "article",
            "articlebody",
            "body",
            "content",
            "contents",
            "entry",
            "main",
            "post",
            "story",
            "text",
            "prose",
            "richtext",
            "blog",
            "column",
            "single");

    private static final Set<String> ROLES = Set.of(
            "navigation",
            "banner",
            "contentinfo",
            "complementary",
            "search",
            "dialog",
            "alertdialog",
            "menu",
            "menubar",
            "toolbar");

    private static final Set<String> SCREEN_READER = Set.of(
            "sr-only",
            "visually-hidden",
            "visuallyhidden",
            "screen-reader-text",
            "screenreader",
            "a11y",
            "element-invisible",
            "hidden-visually",
            "u-hidden-visually",
            "is-hidden",
            "hidden");

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])");
    private static final Pattern SPLIT = Pattern.compile("[^a-z0-9]+");

    private static final Pattern NOISE_LINE = Pattern.compile(
            "(?i)^(?:advertisement|advertisements|ad|ads|sponsored|sponsored content|story continues below|"
                    + "advertisement\\W+(?:continue|scroll|story).*|continue reading.*|skip (?:to|ad).*|"
                    + "(?:share|tweet|email|print|save|copy link|comment)s?(?: (?:this|on|to|article|story|link).*)?|"
                    + "follow (?:us|@).*|sign up.*|subscribe.*|read more.*|see more.*|more from .*|"
                    + "related(?: (?:articles?|stories|posts|content|coverage|reading))?:?|recommended.*|"
                    + "you (?:may|might) (?:also )?like.*|most (?:popular|read).*|trending.*|"
                    + "click here.*|loading.*|log ?in|sign ?in|register|back to top|top of page|"
                    + "listen to this article.*|\\d+ min(?:ute)?s? read|tags?:.*|topics?:.*|filed under:?.*|"
                    + "leave a (?:comment|reply).*|\\d+ comments?|view comments|image|photo|video|watch:?.*|"
                    + "(?:image|photo|photograph|picture|illustration|video)s?(?: (?:credit|courtesy|by|source))?\\s*[:|/].*|"
                    + "(?:photo|image|picture|illustration)s? (?:by|courtesy of) .*|"
                    + "(?:credit|source|photo credit)s?:.*|getty images|shutterstock|"
                    + "all rights reserved.*|©.*|copyright ©?.*|we may earn .*commission.*|"
                    + "(?:this|our) (?:site|website) uses cookies.*|accept(?: all)?(?: cookies)?|"
                    + "open in app|download the app.*|get the app.*|join .*newsletter.*)$");

    // Sentences that only appear in a site's own promotions and disclosures, matched anywhere in a
    // short block: "If you buy through our links, we may earn a commission", "By signing up, you agree".
    private static final Pattern PROMO =
            Pattern.compile("(?i).*(?:affiliate links?\\b|earn (?:a |an )?(?:small |affiliate )?commission|"
                    + "\\bby (?:signing up|subscribing|clicking (?:sign|subscribe|submit)|posting a comment)\\b|"
                    + "\\b(?:sign up|subscribe) (?:for|to) (?:our|the)\\b.{0,40}\\bnewsletters?\\b|"
                    + "\\b(?:views|opinions) expressed (?:on|in) this\\b|"
                    + "\\bsupport our (?:journalism|mission|work|reporting)\\b|"
                    + "\\bconsider (?:becoming a (?:member|subscriber)|supporting us|subscribing)\\b|"
                    + "\\bdata rates may apply\\b).*");

    private Boilerplate() {}

    /** How surely an element is furniture. */
    enum Mark {
        NONE,
        /** A class or tag that is often furniture ("widget", {@code <aside>}), sometimes a wrapper. */
        WEAK,
        /** Hidden, or a class that is furniture whatever else it says ("comments", "share"). */
        STRONG
    }

    /** How {@code e}'s class, id, role or style marks it as page furniture. */
    static Mark mark(Element e) {
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        if (ROLES.contains(role)) {
            return Mark.WEAK;
        }
        // React's streaming renderer parks finished parts in <div hidden id="S:1"> for a script to
        // move into place: that text is shown.
        boolean streamed = e.id().startsWith("S:");
        if (e.attr("aria-hidden").equals("true") || (e.hasAttr("hidden") && !streamed) || screenReaderOnly(e)) {
            return Mark.STRONG;
        }
        String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        if (style.contains("display:none") || style.contains("visibility:hidden")) {
            return Mark.STRONG;
        }
        List<String> words = words(e.className() + " " + e.id());
        if (words.isEmpty()) {
            return Mark.NONE;
        }
        boolean weak = false;
        for (String w : words) {
            if (STRONG.contains(w)) {
                return Mark.STRONG;
            }
            weak |= WEAK.contains(w);
        }
        if (!weak) {
            return Mark.NONE;
        }
        for (String w : words) {
            if (CONTENT.contains(w)) {
                return Mark.NONE;
            }
        }
        return Mark.WEAK;
    }

    /** Whether the class names screen-reader-only text ("Skip to content", "Opens in a new tab"). */
    static boolean screenReaderOnly(Element e) {
        for (String c : e.classNames()) {
            if (SCREEN_READER.contains(c.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class or id says this is the article body. */
    static int contentWeight(Element e) {
        int weight = 0;
        for (String w : words(e.className() + " " + e.id())) {
            if (CONTENT.contains(w)) {
                weight = 25;
            } else if (STRONG.contains(w) || WEAK.contains(w)) {
                return -25;
            }
        }
        return weight;
    }

    /** Whether a short block is a stock furniture line. */
    static boolean noiseLine(String text) {
        return text.length() <= 120 && NOISE_LINE.matcher(text).matches();
    }

    /** Whether a short block is the site's own promotion or disclosure, not the article's text. */
    static boolean promoLine(String text) {
        return text.length() <= 400 && PROMO.matcher(text).matches();
    }

    /** Lower-case words of a class or id: {@code "shareBar top_nav"} gives share, bar, top, nav. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : SPLIT.split(CAMEL.matcher(s).replaceAll(" ").toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        // "article-body" is one idea: also test the joined pairs.
        int n = out.size();
        for (int i = 0; i + 1 < n; i++) {
            if (out.get(i).length() > 1 && out.get(i + 1).length() > 1) {
                String joined = out.get(i) + out.get(i + 1);
                if (STRONG.contains(joined) || CONTENT.contains(joined)) {
                    out.add(joined);
                }
            }
        }
        return out;
    }
}
