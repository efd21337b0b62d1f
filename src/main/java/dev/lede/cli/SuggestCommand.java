package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.ArticleIndex;
import dev.lede.IndexFeature;
import dev.lede.query.TitleSuggestion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede suggest PREFIX}: titles for a search box, as the user types. */
@Command(
        name = "suggest",
        mixinStandardHelpOptions = true,
        description = {
            "Titles for what has been typed so far: every word must be in the title, the last one only",
            "its beginning (unless the text ends with a space). Titles starting with it come first, then the newest."
        })
final class SuggestCommand extends IndexTask implements Callable<Integer> {

    @Parameters(
            arity = "1..*",
            paramLabel = "PREFIX",
            description = "What has been typed; several words are joined with spaces.")
    List<String> words = new ArrayList<>();

    @Option(
            names = {"-n", "--limit"},
            paramLabel = "N",
            defaultValue = "10",
            description = "How many titles (default: ${DEFAULT-VALUE}, at most " + ArticleIndex.MAX_SUGGESTIONS + ").")
    int n;

    @Override
    public Integer call() throws IOException {
        if (n < 1 || n > ArticleIndex.MAX_SUGGESTIONS) {
            throw new LedeCommand.CliException(
                    "-n must be 1 to " + ArticleIndex.MAX_SUGGESTIONS + ", not " + n, LedeCommand.USAGE);
        }
        List<TitleSuggestion> titles;
        Path folder = folder();
        try (ArticleIndex index = SearchCommand.openForReading(folder)) {
            if (!index.features().contains(IndexFeature.TITLE_SUGGESTIONS)) {
                throw FeatureOption.missing(folder, index.features(), IndexFeature.TITLE_SUGGESTIONS, "suggest titles");
            }
            titles = index.suggest(String.join(" ", words), n);
        }
        PrintWriter out = out();
        if (options.json) {
            ObjectNode o = Json.object();
            ArrayNode list = o.putArray("suggestions");
            for (TitleSuggestion t : titles) {
                ObjectNode s = list.addObject()
                        .put("id", t.id())
                        .put("title", t.title().html());
                if (t.published() != null) {
                    s.put("published", t.published().toString());
                }
            }
            out.println(Json.write(o));
        } else {
            TerminalText text = new TerminalText(lede.env.stdoutIsTerminal());
            for (TitleSuggestion t : titles) {
                String date =
                        t.published() == null ? "" : " \u00B7 " + t.published().date();
                out.println(text.render(t.title()) + TerminalText.clean(date + " \u00B7 " + t.id()));
            }
        }
        return LedeCommand.OK;
    }
}
