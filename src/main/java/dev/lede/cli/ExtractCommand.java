package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.article.Article;
import dev.lede.ingest.HtmlArticles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lede extract}: the article that ingest would index from each HTML page. */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description = {
            "Show the article extracted from HTML pages: title, authors, date, URL, source, language and main text.",
            "A file that cannot be read is reported on stderr and the others are still shown (exit code 1)."
        })
final class ExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "HTML pages.")
    List<Path> files;

    @Option(names = "--json", description = "One JSON object per file and line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int code = LedeCommand.OK;
        boolean first = true;
        for (Path file : files) {
            Optional<Article> article;
            try {
                if (!Files.isRegularFile(file)) {
                    throw new NoSuchFileException(file.toString());
                }
                article = HtmlArticles.read(file);
            } catch (IOException e) {
                err.println("lede: " + TerminalText.clean(file.toString()) + ": " + reason(e));
                code = LedeCommand.FAILED;
                continue;
            }
            if (json) {
                out.println(Json.write(json(file, article)));
            } else {
                if (!first) {
                    out.println();
                }
                print(file, article, out);
            }
            first = false;
        }
        return code;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static ObjectNode json(Path file, Optional<Article> article) {
        ObjectNode o = Json.object();
        o.put("file", file.toString());
        o.put("title", article.map(Article::title).orElse(""));
        ArrayNode authors = o.putArray("authors");
        article.ifPresent(a -> a.authors().forEach(authors::add));
        putOrNull(
                o,
                "published",
                article.map(a -> a.published() == null ? null : a.published().toString()));
        putOrNull(o, "url", article.map(Article::url));
        putOrNull(o, "source", article.map(Article::source));
        putOrNull(o, "language", article.map(Article::language));
        o.put("body", article.map(Article::body).orElse(""));
        return o;
    }

    private static void putOrNull(ObjectNode o, String name, Optional<String> value) {
        if (value.isPresent()) {
            o.put(name, value.get());
        } else {
            o.putNull(name);
        }
    }

    private static void print(Path file, Optional<Article> found, PrintWriter out) {
        out.println("== " + TerminalText.clean(file.toString()));
        if (found.isEmpty()) {
            out.println("(no article found)");
            return;
        }
        Article a = found.get();
        out.println("Title:     " + TerminalText.clean(a.title()));
        line(out, "Authors:   ", String.join("; ", a.authors()));
        line(out, "Published: ", a.published() == null ? null : a.published().toString());
        line(out, "URL:       ", a.url());
        line(out, "Source:    ", a.source());
        line(out, "Language:  ", a.language());
        out.println();
        for (String paragraph : a.body().split("\n\n")) {
            if (!paragraph.isBlank()) {
                out.println(TerminalText.clean(paragraph));
                out.println();
            }
        }
    }

    private static void line(PrintWriter out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.println(label + TerminalText.clean(value));
        }
    }
}
