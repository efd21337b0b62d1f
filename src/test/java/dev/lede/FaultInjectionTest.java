package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.article.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.lucene.tests.store.MockDirectoryWrapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random I/O exceptions and a full disk while ingesting and committing, injected by Lucene's own
 * {@link MockDirectoryWrapper}. Each round commits a first batch cleanly, turns faults on, writes a
 * second batch (by {@code addAll}, or {@code add} and {@code commit}) and closes; then, faults off:
 * CheckIndex finds the index clean and its write lock free, every article of a commit that
 * returned is there, nothing else is, and ingesting the same articles again succeeds with the
 * exact count. Every exception the caller sees must be an {@link IOException} naming the fault.
 *
 * <p>CI runs 20 rounds on Reuters-21578 stories (generated articles when the shared data is
 * absent); {@code -Dlede.faults.rounds=N} runs a longer one, and {@code -Dlede.faults.seed=S}
 * repeats a run. Round {@code i} uses seed {@code S + i}, so a failing round replays alone with
 * its own seed and {@code -Dlede.faults.rounds=1}: the same articles, ways of writing and fault
 * rates, though with several indexing threads the faults may strike at other points.
 */
class FaultInjectionTest {
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(2);
    private static List<Article> articles;
    private static String source;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readArticles() throws IOException {
        Path shared = TestFiles.sharedData();
        Path file = shared == null ? null : shared.resolve("reuters21578/articles.jsonl");
        if (file != null && Files.isRegularFile(file)) {
            articles = reuters(file, 3_000);
            source = "Reuters-21578 stories";
        } else {
            articles = generated(3_000);
            source = "generated articles (no shared data)";
        }
    }

    @Test
    void faultsDuringIngestAndCommit_keepLastCommit_throwIOException_andNextIngestSucceeds() throws Exception {
        long seed = Long.getLong("lede.faults.seed", System.nanoTime());
        int rounds = Integer.getInteger("lede.faults.rounds", 20);
        System.out.println("FaultInjectionTest seed " + seed + ", " + rounds + " rounds on " + source);
        FaultRound.Tally tally = new FaultRound.Tally();
        long start = System.nanoTime();
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "fault-round"));
        try {
            for (int i = 0; i < rounds; i++) {
                long roundSeed = seed + i;
                Future<?> round = runner.submit(() -> {
                    new FaultRound(roundSeed, articles, tmp.resolve("round-" + roundSeed), tally).run();
                    return null;
                });
                try {
                    round.get(ROUND_LIMIT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new AssertionError(
                            "round " + roundSeed + " failed" + FaultRound.replay(roundSeed), e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError(
                            "round " + roundSeed + " hung" + FaultRound.replay(roundSeed) + "\n" + threadDump());
                }
                tally.rounds++;
            }
        } finally {
            runner.shutdownNow();
        }
        System.out.println("FaultInjectionTest: " + tally.rounds + " rounds, " + tally.faults + " faults injected, "
                + tally.callerExceptions + " exceptions seen by the caller, " + tally.corrupt
                + " corrupt indexes, " + tally.lost + " committed articles lost, " + tally.problems.size()
                + " other problems, " + (System.nanoTime() - start) / 1_000_000_000 + " s");
        tally.messages.forEach((m, n) -> System.out.println("  " + n + " x " + m));
        assertThat(tally.problems).isEmpty();
        assertThat(tally.corrupt).isZero();
        assertThat(tally.lost).isZero();
        if (rounds >= 10) { // too few rounds may by chance hit no fault
            assertThat(tally.faults).isPositive();
            assertThat(tally.callerExceptions).isPositive();
        }
    }

    private static String threadDump() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            dump.append(t.getName()).append('\n');
            for (StackTraceElement e : stack) {
                dump.append("    at ").append(e).append('\n');
            }
        });
        return dump.toString();
    }

    private static List<Article> reuters(Path file, int limit) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Article> byId = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && byId.size() < limit; line = in.readLine()) {
                JsonNode r = line.isBlank() ? null : json.readTree(line);
                String id = text(r, "id");
                String title = text(r, "title");
                String body = text(r, "body");
                if (!id.isBlank() && !title.isBlank() && !body.isBlank()) {
                    byId.putIfAbsent(
                            id, Article.builder(id).title(title).body(body).build());
                }
            }
        }
        return List.copyOf(byId.values());
    }

    private static String text(JsonNode record, String field) {
        JsonNode node = record == null ? null : record.get(field);
        return node == null || !node.isValueNode() ? "" : node.asText();
    }

    private static List<Article> generated(int n) {
        Random random = new Random(n);
        List<Article> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 150; w++) {
                body.append(Integer.toString(random.nextInt(5_000), 36)).append(' ');
            }
            list.add(Article.builder("g-" + i)
                    .title("report " + i)
                    .body(body.toString())
                    .build());
        }
        return list;
    }
}
