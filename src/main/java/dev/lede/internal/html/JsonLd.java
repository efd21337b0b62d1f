package dev.lede.internal.html;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org objects of a page's JSON-LD scripts, flattened out of arrays and {@code @graph},
 * with the article among them. Broken scripts are skipped: pages are full of hand-written JSON-LD,
 * and one bad block must not cost the others.
 */
final class JsonLd {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonParser.Feature.IGNORE_UNDEFINED)
            .build();

    /** Article types, best first: a page with a NewsArticle and a WebPage is the NewsArticle. */
    private static final List<String> ARTICLE_TYPES = List.of(
            "newsarticle",
            "reportagenewsarticle",
            "analysisnewsarticle",
            "opinionnewsarticle",
            "reviewnewsarticle",
            "backgroundnewsarticle",
            "askpublicnewsarticle",
            "article",
            "blogposting",
            "liveblogposting",
            "socialmediaposting",
            "techarticle",
            "scholarlyarticle",
            "medicalscholarlyarticle",
            "report",
            "posting",
            "review",
            "creativework");

    private static final Set<String> PAGE_TYPES =
            Set.of("webpage", "itempage", "medicalwebpage", "aboutpage", "qapage", "faqpage", "collectionpage");

    private final List<JsonNode> objects;
    private final Map<String, JsonNode> byId;

    private JsonLd(List<JsonNode> objects) {
        this.objects = objects;
        this.byId = new HashMap<>();
        for (JsonNode o : objects) {
            String id = o.path("@id").asText("");
            if (!id.isEmpty() && o.size() > 2) {
                byId.putIfAbsent(id, o);
            }
        }
    }

    static JsonLd of(Document doc) {
        List<JsonNode> objects = new ArrayList<>();
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            try {
                flatten(MAPPER.readTree(script.data().strip()), objects, 0);
            } catch (JsonProcessingException e) {
                // a broken block: the page's other metadata still counts
            }
        }
        return new JsonLd(objects);
    }

    private static void flatten(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 8) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> flatten(n, out, depth + 1));
        } else if (node.isObject()) {
            if (node.has("@type")) {
                out.add(node);
            }
            flatten(node.get("@graph"), out, depth + 1);
            JsonNode main = node.get("mainEntity");
            if (main != null && main.isObject() && isArticle(main)) {
                flatten(main, out, depth + 1);
            }
        }
    }

    /** The page's article object, or {@code null}; the best-ranked type wins, then the richest. */
    JsonNode article() {
        JsonNode best = null;
        int bestRank = Integer.MAX_VALUE;
        for (JsonNode o : objects) {
            int rank = typeRank(o);
            if (rank < bestRank || (rank == bestRank && best != null && richness(o) > richness(best))) {
                best = o;
                bestRank = rank;
            }
        }
        return best;
    }

    /** The page object (WebPage and kin), or {@code null}: a fallback for dates and names. */
    JsonNode page() {
        for (JsonNode o : objects) {
            for (String t : types(o)) {
                if (PAGE_TYPES.contains(t)) {
                    return o;
                }
            }
        }
        return null;
    }

    /** The object {@code node} refers to by {@code @id}, or {@code node} itself. */
    JsonNode resolve(JsonNode node) {
        if (node != null && node.isObject() && node.size() <= 2 && node.has("@id")) {
            JsonNode target = byId.get(node.get("@id").asText());
            return target != null ? target : node;
        }
        return node;
    }

    private static boolean isArticle(JsonNode o) {
        return typeRank(o) < Integer.MAX_VALUE;
    }

    private static int typeRank(JsonNode o) {
        int rank = Integer.MAX_VALUE;
        for (String t : types(o)) {
            int i = ARTICLE_TYPES.indexOf(t);
            if (i >= 0) {
                rank = Math.min(rank, i);
            }
        }
        return rank;
    }

    static List<String> types(JsonNode o) {
        JsonNode t = o.get("@type");
        List<String> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        if (t.isArray()) {
            t.forEach(x -> out.add(x.asText("").toLowerCase(Locale.ROOT)));
        } else {
            out.add(t.asText("").toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static int richness(JsonNode o) {
        return o.size() + (o.has("articleBody") ? 10 : 0) + (o.has("headline") ? 5 : 0);
    }
}
