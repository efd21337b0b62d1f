package dev.lede.cli;

import dev.lede.ArticleIndex;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
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
        int deleted = 0;
        List<String> missing = new java.util.ArrayList<>();
        SearchCommand.requireIndex(folder());
        try (ArticleIndex index = ArticleIndex.open(folder())) {
            for (String id : ids) {
                if (index.delete(id)) {
                    deleted++;
                } else {
                    missing.add(id);
                }
            }
        }
        for (String id : missing) {
            err().println("lede: no article with id '" + TerminalText.clean(id) + "'");
        }
        out().printf(Locale.ROOT, "Deleted %d of %d articles.%n", deleted, ids.size());
        return missing.isEmpty() ? LedeCommand.OK : LedeCommand.FAILED;
    }
}
