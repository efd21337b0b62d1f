package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.article.Article;
import dev.lede.query.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches with highlighting on two threads while the main thread ingests in batches, committing
 * after each: no exception, the searchable count never goes backwards, every committed article is
 * searchable after the next refresh, and no file handle is left open. CI ingests 20,000 generated
 * articles; {@code -Dlede.concurrency.articles=100000} runs a longer one.
 */
class ConcurrentSearchWhileIngestTest {
    private static final String[] WORDS = {
        "election",
        "budget",
        "council",
        "storm",
        "harbor",
        "market",
        "court",
        "school",
        "vote",
        "police",
        "river",
        "strike",
        "trade",
        "health",
        "energy"
    };

    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void searchesDuringIngest_neverFail_neverGoBackwards_andLeakNothing() throws Exception {
        int total = Integer.getInteger("lede.concurrency.articles", 20_000);
        int batch = 2_000;
        long handlesBefore = openFiles();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong searches = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> backwards = new ConcurrentLinkedQueue<>();
        try (ArticleIndex index = ArticleIndex.open(
                tmp.resolve("index"), IndexConfig.defaults().refreshInterval(Duration.ofMillis(100)))) {
            List<Thread> searchers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Random random = new Random(t);
                Thread thread = new Thread(
                        () -> {
                            long lastCount = 0;
                            while (!done.get()) {
                                try {
                                    String q = WORDS[random.nextInt(WORDS.length)] + " "
                                            + WORDS[random.nextInt(WORDS.length)];
                                    index.search(SearchRequest.of(q));
                                    long count = index.count();
                                    if (count < lastCount) {
                                        backwards.add(lastCount + " -> " + count);
                                    }
                                    lastCount = count;
                                    searches.incrementAndGet();
                                } catch (Throwable e) {
                                    errors.add(e);
                                }
                            }
                        },
                        "searcher-" + t);
                searchers.add(thread);
                thread.start();
            }
            Random random = new Random(42);
            for (int start = 0; start < total; start += batch) {
                int from = start;
                index.addAll(Stream.iterate(from, i -> i + 1).limit(batch).map(i -> article(i, random)));
                // addAll commits: every article so far is searchable now.
                assertThat(index.count()).isEqualTo(from + batch);
                assertThat(index.get("n-" + (from + batch - 1))).isPresent();
            }
            done.set(true);
            for (Thread thread : searchers) {
                thread.join();
            }
            assertThat(index.count()).isEqualTo(total);
        }
        long handlesAfter = openFiles();
        System.out.println("ConcurrentSearchWhileIngestTest: " + total + " articles, " + searches.get() + " searches, "
                + errors.size() + " errors, open files " + handlesBefore + " -> " + handlesAfter);
        assertThat(errors).isEmpty();
        assertThat(backwards).isEmpty();
        assertThat(searches.get()).isPositive();
        if (handlesBefore >= 0) {
            assertThat(handlesAfter).isLessThanOrEqualTo(handlesBefore);
        }
    }

    private static Article article(int i, Random random) {
        StringBuilder body = new StringBuilder();
        for (int w = 0; w < 60; w++) {
            body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
        }
        return Article.builder("n-" + i)
                .title(WORDS[random.nextInt(WORDS.length)] + " report " + i)
                .body(body.toString())
                .build();
    }

    /** Open file descriptors of this process (Linux), or -1 where that cannot be counted. */
    private static long openFiles() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> list = Files.list(fds)) {
            return list.count();
        }
    }
}
