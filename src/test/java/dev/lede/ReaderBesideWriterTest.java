package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.query.Hit;
import dev.lede.query.SearchRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader in this JVM beside a writer in another: {@link WriterProcess} holds the folder's write
 * lock and commits in steps, pausing after each until this test says {@code next}, so every
 * count below is exact.
 */
class ReaderBesideWriterTest {
    private static final Duration LINE_TIMEOUT = Duration.ofSeconds(30);
    private static final String END_OF_OUTPUT = "\u0000end of output";

    @TempDir
    Path tmp;

    private Process child;
    private PrintWriter toChild;
    private final BlockingQueue<String> fromChild = new LinkedBlockingQueue<>();

    private void startWriter(Path folder, int batches, int perBatch) throws IOException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx256m",
                "-Djava.util.logging.config.file="
                        + TestFiles.resource("logging.properties").toAbsolutePath(),
                "-cp",
                classPath,
                WriterProcess.class.getName(),
                folder.toString(),
                Integer.toString(batches),
                Integer.toString(perBatch)));
        child = new ProcessBuilder(command)
                .redirectError(tmp.resolve("writer.err").toFile())
                .start();
        toChild = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            fromChild.add(line);
                        }
                    } catch (IOException e) {
                        fromChild.add("read failed: " + e);
                    }
                    fromChild.add(END_OF_OUTPUT);
                },
                "writer-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** The writer's next line, failing with its stderr when it says something else or nothing. */
    private void expectLine(String expected) throws Exception {
        String line = fromChild.poll(LINE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Path err = tmp.resolve("writer.err");
        assertThat(line)
                .as("writer's next line; its stderr: %s", Files.exists(err) ? Files.readString(err) : "")
                .isEqualTo(expected);
    }

    private static long poll(ArticleIndex index, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (index.count() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return index.count();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void readOnlyIndex_besideAWriterProcess_seesEveryCommitAndTheWriteLockHolds() throws Exception {
        Path folder = tmp.resolve("index");
        try {
            startWriter(folder, 3, 5);
            expectLine("committed 1 5");

            try (ArticleIndex manual = ArticleIndex.openReadOnly(
                            folder, IndexConfig.defaults().refreshInterval(Duration.ZERO));
                    ArticleIndex automatic = ArticleIndex.openReadOnly(
                            folder, IndexConfig.defaults().refreshInterval(Duration.ofMillis(50)))) {
                assertThat(manual.count()).isEqualTo(5);
                assertThat(manual.search(SearchRequest.of("writer").size(20)).hits())
                        .extracting(Hit::id)
                        .containsExactlyInAnyOrder("w-1-1", "w-1-2", "w-1-3", "w-1-4", "w-1-5");
                assertThatThrownBy(() -> ArticleIndex.open(folder))
                        .isInstanceOf(IOException.class)
                        .isNotInstanceOf(IncompatibleIndexException.class)
                        .hasMessageStartingWith("index " + folder + " is already open for writing by process "
                                + child.pid() + " (dev.lede.WriterProcess ")
                        .hasMessageEndingWith(
                                "(one writer per index): close the other ArticleIndex or lede process first");

                toChild.println("next");
                expectLine("committed 2 10");

                assertThat(manual.count()).as("before refresh").isEqualTo(5);
                assertThat(poll(automatic, 10)).as("automatic refresh").isEqualTo(10);
                manual.refresh();
                assertThat(manual.count()).isEqualTo(10);

                toChild.println("next");
                expectLine("committed 3 15");

                manual.refresh();
                assertThat(manual.count()).isEqualTo(15);
                assertThat(manual.search(SearchRequest.of("\"batch 3\"").size(20))
                                .hits())
                        .extracting(Hit::id)
                        .containsExactlyInAnyOrder("w-3-1", "w-3-2", "w-3-3", "w-3-4", "w-3-5");
                assertThat(manual.get("w-3-5").orElseThrow().title()).isEqualTo("Writer batch 3 article 5");
                assertThat(poll(automatic, 15)).as("automatic refresh").isEqualTo(15);

                toChild.println("close");
                expectLine("closed");
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).isZero();
            }
            try (ArticleIndex writer = ArticleIndex.open(folder)) {
                assertThat(writer.count())
                        .as("the lock is free once the writer exits")
                        .isEqualTo(15);
            }
        } finally {
            if (child != null) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void writerKilledWithSigkill_leavesNoLockBehind_andTheIndexAtItsLastCommit() throws Exception {
        Path folder = tmp.resolve("index");
        startWriter(folder, 3, 5);
        expectLine("committed 1 5");

        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();

        // The lock file and the writer's note are still there, but the OS released the lock.
        assertThat(folder.resolve("write.lock")).exists();
        try (ArticleIndex again =
                ArticleIndex.open(folder, IndexConfig.defaults().refreshInterval(Duration.ZERO))) {
            assertThat(again.count()).isEqualTo(5);
            again.add(dev.lede.article.Article.builder("after")
                    .title("After the crash")
                    .build());
            again.commit();
            assertThat(again.count()).isEqualTo(6);
        }
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(folder);
                org.apache.lucene.index.CheckIndex check = new org.apache.lucene.index.CheckIndex(dir)) {
            assertThat(check.checkIndex().clean).isTrue();
        }
    }
}
