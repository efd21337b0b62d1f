package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.article.Article;
import dev.lede.query.RelatedArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On the BBC News corpus (five categories, read from ../shared/data), the top-5 related articles of
 * 200 seeded random articles come mostly from the article's own category. Skips with a message when
 * the data is absent.
 */
class RelatedCategoryShareTest {
    private static final long SEED = 20261128L;
    private static final int ARTICLES = 200;
    private static final int TOP = 5;

    @Test
    void bbcRelatedArticles_mostlyShareTheCategory() throws IOException {
        Path shared = TestFiles.sharedData();
        Path file = shared == null ? null : shared.resolve("bbc-news/articles.jsonl");
        if (file == null || !Files.isRegularFile(file)) {
            String why = "skipped: no BBC News data at " + (file == null ? "lede.shared.data (property unset)" : file);
            System.out.println("RelatedCategoryShareTest " + why);
            Assumptions.abort(why);
        }
        Map<String, String> category = new HashMap<>();
        List<Article> articles = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            var r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            String id = r.get("id").asText();
            category.put(id, r.get("category").asText());
            articles.add(Article.builder(id)
                    .title(r.path("title").asText(""))
                    .body(r.path("body").asText(""))
                    .build());
        }
        List<String> ids = new ArrayList<>(category.keySet());
        Collections.sort(ids);
        Collections.shuffle(ids, new Random(SEED));

        int same = 0, total = 0;
        try (ArticleIndex index = ArticleIndex.inMemory()) {
            index.addAll(articles);
            for (String id : ids.subList(0, ARTICLES)) {
                for (RelatedArticle r : index.related(id, TOP)) {
                    total++;
                    if (category.get(r.id()).equals(category.get(id))) {
                        same++;
                    }
                }
            }
        }
        double share = same / (double) total;
        System.out.printf(
                Locale.ROOT,
                "RelatedCategoryShareTest: top-%d related of %d BBC articles (seed %d): %d of"
                        + " %d in the same category, share %.4f%n",
                TOP,
                ARTICLES,
                SEED,
                same,
                total,
                share);
        assertThat(total).isEqualTo(ARTICLES * TOP);
        assertThat(share).isGreaterThanOrEqualTo(0.9);
    }
}
