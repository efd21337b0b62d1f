package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.ArticleIndex;
import dev.lede.article.Article;
import dev.lede.query.RelatedArticle;
import dev.lede.query.RelatedRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede related ID}: the articles most like one article. */
@Command(
        name = "related",
        mixinStandardHelpOptions = true,
        description = {
            "The articles most like one article (more like this over title and body),",
            "without the article itself or other copies of its story (copies are listed on an",
            "index built without the duplicates feature)."
        })
final class RelatedCommand extends IndexTask implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The article's id.")
    String id;

    @Option(
            names = {"-n", "--limit"},
            paramLabel = "N",
            defaultValue = "10",
            description = "How many related articles (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--before", description = "Only articles published before this one (background).")
    boolean before;

    @Option(
            names = "--window",
            paramLabel = "DAYS",
            description = "Only articles published within DAYS days of this one, before or after.")
    Integer windowDays;

    @Override
    public Integer call() throws IOException {
        if (limit < 1 || limit > RelatedRequest.MAX_SIZE) {
            throw new LedeCommand.CliException(
                    "-n must be 1 to " + RelatedRequest.MAX_SIZE + ", not " + limit, LedeCommand.USAGE);
        }
        if (windowDays != null && windowDays < 1) {
            throw new LedeCommand.CliException("--window must be 1 day or more, not " + windowDays, LedeCommand.USAGE);
        }
        RelatedRequest request = RelatedRequest.of(id)
                .size(limit)
                .before(before)
                .window(windowDays == null ? null : Duration.ofDays(windowDays));
        List<RelatedArticle> related;
        try (ArticleIndex index = SearchCommand.openForReading(folder())) {
            related = index.related(request);
        } catch (NoSuchElementException e) {
            throw new LedeCommand.CliException(
                    "no article with id '" + TerminalText.clean(id) + "'", LedeCommand.FAILED);
        } catch (IllegalArgumentException e) {
            throw new LedeCommand.CliException(TerminalText.clean(e.getMessage()), LedeCommand.FAILED);
        }
        PrintWriter out = out();
        if (options.json) {
            ObjectNode o = Json.object();
            o.put("id", id);
            ArrayNode hits = o.putArray("related");
            for (RelatedArticle r : related) {
                Article a = r.article();
                ObjectNode h = hits.addObject();
                h.put("id", r.id());
                h.put("score", r.score());
                h.put("title", a.title());
                put(h, "url", a.url());
                put(h, "source", a.source());
                if (a.published() != null) {
                    h.put("published", a.published().toString());
                }
            }
            out.println(Json.write(o));
        } else {
            out.printf(Locale.ROOT, "%d related to %s%n", related.size(), TerminalText.clean(id));
            int rank = 1;
            for (RelatedArticle r : related) {
                out.println();
                out.printf(
                        Locale.ROOT,
                        "%d. %s%n",
                        rank++,
                        TerminalText.clean(r.article().title()));
                out.println("   " + TerminalText.clean(SearchCommand.byline(r.article())));
            }
        }
        return LedeCommand.OK;
    }

    private static void put(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }
}
