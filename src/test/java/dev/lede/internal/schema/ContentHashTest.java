package dev.lede.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.TestFiles;
import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.internal.ingest.InputFile;
import dev.lede.internal.ingest.JsonlArticleReader;
import dev.lede.internal.ingest.ReportCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Content hashes are stored in the index and compared with those of the same articles offered
 * later, by any Lede version: a faster computation must give the same bytes. {@link
 * ShippedContentHash} is the computation as it first shipped (one digest call per piece, the
 * numbers as strings).
 */
class ContentHashTest {
    @Test
    void of_shippedSampleArticles_givesTheHashesStoredBefore() throws IOException {
        Path file = TestFiles.sampleArticles().resolve("wikinews.jsonl");
        List<Article> articles = new ArrayList<>();
        new JsonlArticleReader()
                .read(new InputFile(file, file.getFileName().toString()), articles::add, new ReportCollector());
        assertThat(articles).hasSize(291);
        for (Article a : articles) {
            assertThat(ContentHash.of(a)).as(a.id()).isEqualTo(ShippedContentHash.of(a));
        }
    }

    @Test
    void of_oneArticle_isTheValueItWasStoredWith() {
        Article a = Article.builder("wn-1")
                .title("Floods close roads")
                .body("Rain fell \u201call night\u201d.\n\nRoads closed.")
                .url("https://example.org/a")
                .source("Wikinews")
                .authors("A. Writer", "B. Writer")
                .published(Published.of(LocalDate.of(2020, 3, 1)))
                .topics("weather")
                .language("en")
                .extra("section", "world")
                .build();
        // The value the shipped computation gave (commit 4a8ce72, run on its own classes), so that a
        // change of the input's layout, which would make every indexed article look changed to the
        // next sync, fails here.
        assertThat(HexFormat.of().formatHex(ShippedContentHash.of(a))).isEqualTo(EXPECTED_HEX);
        assertThat(HexFormat.of().formatHex(ContentHash.of(a))).isEqualTo(EXPECTED_HEX);
    }

    private static final String EXPECTED_HEX = "11a77db8787cbb1545e0c08f34ed5fcb";

    @Test
    void oneHasher_articleAfterArticle_givesTheShippedHash_alsoAfterAVeryLargeOne() {
        Random random = new Random(20261208);
        ContentHash hasher = new ContentHash();
        for (int i = 0; i < 3_000; i++) {
            Article a = generated(random, i, i % 500 == 7 ? 1_500_000 : 1 + random.nextInt(i % 10 == 0 ? 20_000 : 600));
            byte[] shipped = ShippedContentHash.of(a);
            assertThat(hasher.hash(a)).as("article %d", i).isEqualTo(shipped);
            assertThat(ContentHash.of(a)).as("article %d", i).isEqualTo(shipped);
        }
    }

    @Test
    void of_valuesMovedBetweenFieldsOrLists_givesADifferentHash() {
        Article base = Article.builder("x").title("ab").body("c").build();
        assertThat(ContentHash.of(base))
                .isNotEqualTo(ContentHash.of(
                        Article.builder("x").title("a").body("bc").build()))
                .isNotEqualTo(ContentHash.of(
                        Article.builder("x").title("ab").body("c").url("u").build()))
                .isNotEqualTo(ContentHash.of(
                        Article.builder("x").title("ab").body("c").authors("c").build()));
        assertThat(ContentHash.of(Article.builder("x")
                        .title("t")
                        .body("b")
                        .authors("a", "b")
                        .build()))
                .isNotEqualTo(ContentHash.of(
                        Article.builder("x").title("t").body("b").authors("a b").build()))
                .isNotEqualTo(ContentHash.of(
                        Article.builder("x").title("t").body("b").authors("ab").build()))
                .isNotEqualTo(ContentHash.of(Article.builder("x")
                        .title("t")
                        .body("b")
                        .topics("a", "b")
                        .build()));
        assertThat(ContentHash.of(base))
                .isEqualTo(ContentHash.of(
                        Article.builder("x").title("ab").body("c").build()));
    }

    private static final String[] PIECES = {
        "a",
        "Z",
        "7",
        " ",
        "\n\n",
        ":",
        "\u00E9",
        "\u201c",
        "\u2019",
        "\u0416",
        "\u4E2D",
        "\uD83D\uDE00",
        "1:",
        "\u0000"
    };

    private static String text(Random random, int length) {
        StringBuilder s = new StringBuilder(length + 2);
        while (s.length() < length) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    /** An article with every kind of field, some absent, lists of 0 to 12 values (two-digit sizes). */
    private static Article generated(Random random, int n, int bodyLength) {
        Article.Builder b = Article.builder(
                        "g-" + n + text(random, random.nextInt(4)).strip().replace('\u0000', 'x'))
                .title("t" + text(random, random.nextInt(80)))
                .body("b" + text(random, bodyLength));
        if (random.nextBoolean()) {
            b.url("https://example.org/" + n);
        }
        if (random.nextBoolean()) {
            b.source(text(random, 1 + random.nextInt(20)));
        }
        if (random.nextBoolean()) {
            List<String> authors = new ArrayList<>();
            for (int i = random.nextInt(13); i > 0; i--) {
                authors.add("w" + text(random, random.nextInt(15)));
            }
            b.authors(authors);
        }
        switch (random.nextInt(3)) {
            case 0 -> b.published(Published.of(LocalDate.of(2019, 1 + random.nextInt(12), 1 + random.nextInt(28))));
            case 1 -> b.published(Published.of(OffsetDateTime.of(2020, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2))));
            default -> {}
        }
        if (random.nextBoolean()) {
            List<String> topics = new ArrayList<>();
            for (int i = random.nextInt(13); i > 0; i--) {
                topics.add("k" + random.nextInt(100));
            }
            b.topics(topics);
        }
        if (random.nextBoolean()) {
            b.language("en");
        }
        if (random.nextInt(4) == 0) {
            b.notice("Copyright " + text(random, random.nextInt(30)));
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            extra.put("e" + random.nextInt(50), "v" + text(random, random.nextInt(20)));
        }
        if (!extra.isEmpty()) {
            b.extra(extra);
        }
        return b.build();
    }
}
