package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.ArticleIndex;
import dev.lede.article.Article;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lede get ID}: one stored article. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show the article stored under an id.")
final class GetCommand extends IndexTask implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The article's id.")
    String id;

    @Override
    public Integer call() throws IOException {
        Optional<Article> found;
        try (ArticleIndex index = SearchCommand.openForReading(folder())) {
            found = index.get(id);
        }
        if (found.isEmpty()) {
            throw new LedeCommand.CliException(
                    "no article with id '" + TerminalText.clean(id) + "'", LedeCommand.FAILED);
        }
        Article a = found.get();
        PrintWriter out = out();
        if (options.json) {
            out.println(Json.write(json(a)));
        } else {
            out.println(TerminalText.clean(a.title()));
            out.println(TerminalText.clean(SearchCommand.byline(a)));
            if (a.url() != null) {
                out.println(TerminalText.clean(a.url()));
            }
            out.println();
            for (String paragraph : a.body().split("\n\\s*\n")) {
                out.println(TerminalText.clean(paragraph));
                out.println();
            }
        }
        return LedeCommand.OK;
    }

    static ObjectNode json(Article a) {
        ObjectNode o = Json.object();
        o.put("id", a.id());
        o.put("title", a.title());
        o.put("body", a.body());
        put(o, "url", a.url());
        put(o, "source", a.source());
        if (!a.authors().isEmpty()) {
            a.authors().forEach(o.putArray("authors")::add);
        }
        if (a.published() != null) {
            o.put("published", a.published().toString());
        }
        if (!a.topics().isEmpty()) {
            a.topics().forEach(o.putArray("topics")::add);
        }
        put(o, "language", a.language());
        put(o, "notice", a.notice());
        if (!a.extra().isEmpty()) {
            ObjectNode extra = o.putObject("extra");
            a.extra().forEach(extra::put);
        }
        return o;
    }

    private static void put(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }
}
