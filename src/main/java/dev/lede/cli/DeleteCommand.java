package dev.lede.cli;

import dev.lede.ArticleIndex;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lede delete ID...}: remove articles by id. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete articles by id.")
final class DeleteCommand extends IndexTask implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Ids of the articles to delete.")
    List<String> ids;

    @Override
    public Integer call() throws IOException {
        SearchCommand.requireIndex(folder());
        Set<String> deleted;
        try (ArticleIndex index = ArticleIndex.open(folder())) {
            deleted = index.delete(ids);
        }
        List<String> missing =
                ids.stream().distinct().filter(id -> !deleted.contains(id)).toList();
        for (String id : missing) {
            err().println("lede: no article with id '" + TerminalText.clean(id) + "'");
        }
        out().printf(Locale.ROOT, "Deleted %d of %d articles.%n", deleted.size(), deleted.size() + missing.size());
        return missing.isEmpty() ? LedeCommand.OK : LedeCommand.FAILED;
    }
}
