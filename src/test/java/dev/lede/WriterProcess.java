package dev.lede;

import dev.lede.article.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The writer side of {@link ReaderBesideWriterTest}, run in its own JVM: opens the index in {@code
 * args[0]} for writing and adds {@code args[2]} articles per commit, for {@code args[1]} commits.
 * After each commit it prints {@code committed BATCH TOTAL} and pauses until a line arrives on
 * stdin: {@code next} goes on, {@code close} (or the end of stdin) closes the index, prints {@code
 * closed} and exits. The pauses let the test look at every commit while this process holds the
 * folder's write lock.
 */
public final class WriterProcess {
    private WriterProcess() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int batches = Integer.parseInt(args[1]);
        int perBatch = Integer.parseInt(args[2]);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int total = 0;
        try (ArticleIndex index =
                ArticleIndex.open(folder, IndexConfig.defaults().refreshInterval(Duration.ZERO))) {
            for (int batch = 1; batch <= batches; batch++) {
                for (int i = 1; i <= perBatch; i++) {
                    index.add(Article.builder("w-" + batch + "-" + i)
                            .title("Writer batch " + batch + " article " + i)
                            .body("Written beside a reader in commit " + batch + ".")
                            .build());
                    total++;
                }
                index.commit();
                System.out.println("committed " + batch + " " + total);
                System.out.flush();
                String command = commands.readLine();
                if (command == null || command.equals("close")) {
                    break;
                }
            }
        }
        System.out.println("closed");
        System.out.flush();
    }
}
