// Lists the pages whose extracted title misses the reference title under the html-dev metric
// (ExtractionMetrics.titleMatches), and counts the misses that differ only in typographic quotes
// and dashes: the pages show ’ “ ” — where the WCXB annotators typed ' " --.
//
//   mvn -q package -DskipTests
//   java --enable-native-access=ALL-UNNAMED -cp target/lede-0.1.0-SNAPSHOT-cli.jar \
//       docs/measure/TitleMisses.java ../shared/data/html-dev
//
// (with a JDK 21+ `java`, such as the one the ./lede launcher finds under /usr/lib/jvm).
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import dev.lede.eval.ExtractionMetrics;
import dev.lede.ingest.HtmlArticles;
import java.nio.file.Files;
import java.nio.file.Path;

public class TitleMisses {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ObjectMapper json = new ObjectMapper();
        int pages = 0, misses = 0, typographic = 0;
        for (String line : Files.readAllLines(dir.resolve("truth.jsonl"))) {
            JsonNode truth = json.readTree(line);
            String id = truth.get("id").asText();
            JsonNode want = truth.get("title");
            if (!id.startsWith("wcxb") || want == null || want.isNull()) {
                continue;
            }
            pages++;
            String got = HtmlArticles.read(dir.resolve("html").resolve(id + ".html"))
                    .map(Article::title)
                    .orElse("");
            if (ExtractionMetrics.titleMatches(got, want.asText())) {
                continue;
            }
            misses++;
            boolean onlyTypography = ExtractionMetrics.titleMatches(plain(got), plain(want.asText()));
            typographic += onlyTypography ? 1 : 0;
            System.out.printf(
                    "%s%s%n  reference: %s%n  extracted: %s%n",
                    id, onlyTypography ? " (typographic quotes/dashes only)" : "", want.asText(), got);
        }
        System.out.printf(
                "WCXB pages with a title: %d, exact %d (%.1f%%); misses %d, of which %d differ only in"
                        + " typographic quotes or dashes; exact with those folded: %.1f%%%n",
                pages,
                pages - misses,
                100.0 * (pages - misses) / pages,
                misses,
                typographic,
                100.0 * (pages - misses + typographic) / pages);
    }

    private static String plain(String s) {
        return s.replaceAll("[\u2018\u2019\u201B\u2032]", "'")
                .replaceAll("[\u201C\u201D\u201F\u2033]", "\"")
                .replaceAll("[\u2013\u2014]|--", "-");
    }
}
