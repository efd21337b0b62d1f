package dev.lede;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A near-duplicate test set built from real stories (Reuters-21578 and BBC News, read from
 * ../shared/data, never copied into the repository): each picked story gets a copy with seeded,
 * realistic edits (another headline; some of: a syndication notice on top, a paragraph dropped or
 * two swapped, boilerplate appended, a few words changed) and a negative: another story on the
 * same topic (Reuters topic, BBC category).
 */
final class NearDuplicateSet {
    /** Stories shorter than this are not picked (a 30-word earnings table survives no edit). */
    static final int MIN_WORDS = 60;

    private static final Pattern REUTERS_PARAGRAPH = Pattern.compile("\\n\\s{2,}");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

    private static final List<String> NOTICES = List.of(
            "We support our Publishers and Content Creators. You can view this story on their website by CLICKING HERE.",
            "This article originally appeared on Reuters and is republished here with permission.",
            "This story was first published by the BBC. Read the full story on their website.");
    private static final List<String> BOILERPLATE = List.of(
            "Copyright 2024 The Associated Press. All rights reserved. This material may not be published,"
                    + " broadcast, rewritten or redistributed.",
            "Sign up for our morning newsletter to get the day's top stories delivered to your inbox.",
            "Reporting by our correspondents; editing by the news desk. Follow us on social media for more.",
            "Related: more stories from our business and politics desks.");
    private static final List<String> HEADLINE_WORDS =
            List.of("Breaking:", "Update:", "Report:", "Analysis:", "Exclusive:", "Watch:", "Latest:");
    private static final List<String> REPLACEMENTS =
            List.of("reportedly", "also", "major", "new", "said", "officials", "the", "very", "last", "week");

    /** A story as read: id, title, body and topic. */
    record Story(String id, String title, String body, String topic) {}

    /** One labelled pair: {@code a} is the picked story, {@code b} a copy (duplicate) or a negative. */
    record Pair(Article a, Article b, boolean duplicate) {}

    private NearDuplicateSet() {}

    /** Stories from a JSON Lines corpus; the topic is the first of {@code topics} or the {@code category}. */
    static List<Story> read(Path jsonl, String idPrefix) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Story> stories = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode r = json.readTree(line);
                String topic = r.has("category")
                        ? r.get("category").asText()
                        : r.path("topics").isArray() && !r.path("topics").isEmpty()
                                ? r.path("topics").get(0).asText()
                                : null;
                String body = r.path("body").asText("");
                if (topic != null && body.split("\\s+").length >= MIN_WORDS) {
                    stories.add(new Story(
                            idPrefix + r.get("id").asText(), r.path("title").asText(""), body, topic));
                }
            }
        }
        return stories;
    }

    /** {@code n} positive and {@code n} negative pairs from {@code stories}, seeded. */
    static List<Pair> pairs(List<Story> stories, int n, long seed) {
        Random random = new Random(seed);
        Map<String, List<Story>> byTopic = new LinkedHashMap<>();
        stories.forEach(
                s -> byTopic.computeIfAbsent(s.topic(), k -> new ArrayList<>()).add(s));
        List<Story> picked = new ArrayList<>(stories);
        picked.removeIf(s -> byTopic.get(s.topic()).size() < 2);
        Collections.shuffle(picked, random);
        List<Pair> pairs = new ArrayList<>();
        for (Story s : picked.subList(0, Math.min(n, picked.size()))) {
            Article original = article(s.id(), s.title(), s.body());
            pairs.add(new Pair(original, copy(s, random), true));
            List<Story> same = byTopic.get(s.topic());
            Story other = same.get(random.nextInt(same.size()));
            while (other == s) {
                other = same.get(random.nextInt(same.size()));
            }
            pairs.add(new Pair(original, article(other.id(), other.title(), other.body()), false));
        }
        return pairs;
    }

    /** A copy of the story as another outlet would run it. */
    static Article copy(Story s, Random random) {
        List<String> paragraphs = new ArrayList<>(List.of(paragraphs(s)));
        if (paragraphs.size() > 2 && random.nextDouble() < 0.3) {
            paragraphs.remove(1 + random.nextInt(paragraphs.size() - 1));
        } else if (paragraphs.size() > 2 && random.nextDouble() < 0.4) {
            int i = 1 + random.nextInt(paragraphs.size() - 2);
            Collections.swap(paragraphs, i, i + 1);
        }
        if (random.nextDouble() < 0.6) {
            paragraphs = changeWords(paragraphs, 1 + random.nextInt(5), random);
        }
        if (random.nextDouble() < 0.5) {
            paragraphs.add(BOILERPLATE.get(random.nextInt(BOILERPLATE.size())));
        }
        if (random.nextDouble() < 0.5) {
            paragraphs.add(0, NOTICES.get(random.nextInt(NOTICES.size())));
        }
        String headline = HEADLINE_WORDS.get(random.nextInt(HEADLINE_WORDS.size())) + " "
                + s.title().toLowerCase();
        return article(s.id() + "-copy", headline, String.join("\n\n", paragraphs));
    }

    private static String[] paragraphs(Story s) {
        return (s.id().startsWith("bbc-") ? BLANK_LINE : REUTERS_PARAGRAPH)
                .split(s.body().strip());
    }

    private static List<String> changeWords(List<String> paragraphs, int count, Random random) {
        List<String> out = new ArrayList<>(paragraphs);
        for (int c = 0; c < count; c++) {
            int p = random.nextInt(out.size());
            String[] words = out.get(p).split(" ");
            words[random.nextInt(words.length)] = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
            out.set(p, String.join(" ", words));
        }
        return out;
    }

    private static Article article(String id, String title, String body) {
        return Article.builder(id).title(title).body(body).build();
    }
}
