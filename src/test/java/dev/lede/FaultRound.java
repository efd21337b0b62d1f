package dev.lede;

import dev.lede.article.Article;
import dev.lede.internal.schema.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.tests.store.MockDirectoryWrapper;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;

/**
 * One round of {@link FaultInjectionTest}: on disk or in memory, with articles, ways of writing and
 * faults all drawn from its seed.
 */
final class FaultRound {
    private final long seed;
    private final Random random;
    private final Path folder;
    private final List<Article> articles;
    private final Tally tally;
    private final Map<String, String> committed = new HashMap<>(); // id -> title
    private final Map<String, String> attempted = new HashMap<>(); // since the last good commit
    private final Map<String, Article> expected = new LinkedHashMap<>();

    FaultRound(long seed, List<Article> articles, Path folder, Tally tally) {
        this.seed = seed;
        this.articles = articles;
        this.random = new Random(seed);
        this.folder = folder;
        this.tally = tally;
    }

    void run() throws IOException {
        List<Article> pool = new ArrayList<>(articles);
        Collections.shuffle(pool, random);
        List<Article> first = pool.subList(0, 30 + random.nextInt(70));
        List<Article> second = new ArrayList<>(pool.subList(first.size(), first.size() + 30 + random.nextInt(150)));
        for (int i = random.nextInt(20); i > 0; i--) { // updates of committed articles
            Article old = first.get(random.nextInt(first.size()));
            second.add(random.nextInt(second.size() + 1), changed(old));
        }
        first.forEach(a -> expected.put(a.id(), a));
        second.forEach(a -> expected.put(a.id(), a));
        boolean onDisk = random.nextBoolean();
        Directory plain = onDisk ? FSDirectory.open(folder) : new ByteBuffersDirectory();
        try {
            writeWithFaults(plain, first, second, onDisk);
            verify(plain);
            ingestAgain(plain);
        } finally {
            plain.close();
            if (onDisk) {
                IOUtils.rm(folder);
            }
        }
    }

    private void writeWithFaults(Directory plain, List<Article> first, List<Article> second, boolean onDisk)
            throws IOException {
        MockDirectoryWrapper mock = new MockDirectoryWrapper(random, new KeptOpen(plain));
        mock.setCheckIndexOnClose(false); // CheckIndex runs below, on the plain directory
        FaultCountingDirectory counted = new FaultCountingDirectory(mock);
        IndexConfig config = IndexConfig.defaults()
                .refreshInterval(Duration.ZERO)
                .ramBufferMb(random.nextBoolean() ? 1 : 16); // 1: flushes and merges mid-ingest
        ArticleIndex index = ArticleIndex.open(counted, "round " + seed, config);
        boolean closed = false;
        try {
            index.addAll(first); // faults off: the last good commit
            first.forEach(a -> committed.put(a.id(), a.title()));
            injectFaults(mock, onDisk);
            attempt("writing", () -> write(index, second));
            closed = true;
            attempt("closing", index::close);
        } finally {
            if (!closed) {
                index.close();
            }
            tally.faults += counted.faults();
        }
    }

    /**
     * Random I/O exceptions, a full disk, or both. The mock measures the whole directory on
     * every write when the disk has a size, which on a file system lists the folder each time:
     * too slow, so a full disk is only simulated in memory.
     */
    private void injectFaults(MockDirectoryWrapper mock, boolean onDisk) throws IOException {
        int mode = onDisk ? 0 : random.nextInt(3);
        if (mode != 1) {
            double rate = 0.005 + random.nextDouble() * 0.05;
            mock.setRandomIOExceptionRate(rate);
            mock.setRandomIOExceptionRateOnOpen(rate / 4);
        }
        if (mode != 0) {
            long size = mock.sizeInBytes();
            mock.setMaxSizeInBytes(size + (long) (random.nextDouble() * 2 * size) + 1);
        }
    }

    /** Writes by addAll, in one or two batches, or by add and a commit every so often. */
    private void write(ArticleIndex index, List<Article> second) throws IOException {
        switch (random.nextInt(3)) {
            case 0 -> addAll(index, second);
            case 1 -> {
                int half = second.size() / 2;
                addAll(index, second.subList(0, half));
                addAll(index, second.subList(half, second.size()));
            }
            default -> {
                int every = 20 + random.nextInt(100);
                for (int i = 0; i < second.size(); i++) {
                    Article a = second.get(i);
                    attempted.put(a.id(), a.title());
                    index.add(a);
                    if ((i + 1) % every == 0 || i == second.size() - 1) {
                        index.commit();
                        committed.putAll(attempted);
                    }
                }
            }
        }
    }

    private void addAll(ArticleIndex index, List<Article> batch) throws IOException {
        batch.forEach(a -> attempted.put(a.id(), a.title()));
        index.addAll(batch);
        committed.putAll(attempted);
    }

    private interface Step {
        void run() throws IOException;
    }

    /** Runs a step that may fail: an IOException naming the injected fault is fine, all else is not. */
    private void attempt(String what, Step step) {
        try {
            step.run();
        } catch (IOException e) {
            tally.callerExceptions++;
            tally.messages.merge(
                    what + ": " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), 1, Integer::sum);
            if (!FaultCountingDirectory.isInjected(e)) {
                problem(what + " threw an IOException that does not name the fault", e);
            }
        } catch (RuntimeException | Error e) {
            problem(what + " threw " + e.getClass().getName() + ", not an IOException", e);
        }
    }

    /** Faults off: CheckIndex, then every committed article there, and nothing never written. */
    private void verify(Directory plain) throws IOException {
        try (CheckIndex check = new CheckIndex(plain)) { // takes the write lock: fails if one is left
            if (!check.checkIndex().clean) {
                tally.corrupt++;
                problem("CheckIndex found the index corrupt", null);
                return;
            }
        } catch (LockObtainFailedException e) {
            problem("the write lock was left behind", e);
            return;
        } catch (IOException | RuntimeException e) {
            tally.corrupt++;
            problem("CheckIndex could not read the index", e);
            return;
        }
        Map<String, String> found = titles(plain);
        committed.forEach((id, title) -> {
            String now = found.get(id);
            if (now == null || !(now.equals(title) || now.equals(attempted.get(id)))) {
                tally.lost++;
                problem("committed article " + id + " is " + (now == null ? "missing" : "at title " + now), null);
            }
        });
        found.keySet().stream()
                .filter(id -> !expected.containsKey(id))
                .forEach(id -> problem("article " + id + " was never written", null));
    }

    /** The ingest after the fault, faults off, must succeed with exactly the expected articles. */
    private void ingestAgain(Directory plain) {
        try (ArticleIndex index = ArticleIndex.open(new KeptOpen(plain), "round " + seed, IndexConfig.defaults())) {
            index.addAll(expected.values());
            if (index.count() != expected.size()) {
                problem("the next ingest counts " + index.count() + ", not " + expected.size(), null);
            }
        } catch (IOException | RuntimeException e) {
            problem("the next ingest failed", e);
            return;
        }
        try {
            Map<String, String> found = titles(plain);
            Map<String, String> want = new HashMap<>();
            expected.forEach((id, a) -> want.put(id, a.title()));
            if (!found.equals(want)) {
                problem("the next ingest left other articles than were ingested", null);
            }
        } catch (IOException e) {
            problem("reading the index after the next ingest failed", e);
        }
    }

    /** id -> title of every live article, counting a duplicate id as a problem. */
    private Map<String, String> titles(Directory dir) throws IOException {
        Map<String, String> titles = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields fields = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        var d = fields.document(doc);
                        if (titles.put(d.get(Schema.ID), d.get(Schema.TITLE)) != null) {
                            problem("id " + d.get(Schema.ID) + " is in the index twice", null);
                        }
                    }
                }
            }
        }
        return titles;
    }

    private void problem(String what, Throwable e) {
        String line = "round " + seed + replay(seed) + ": " + what + (e == null ? "" : ": " + e);
        tally.problems.add(line);
        System.out.println(line);
        if (e != null) {
            e.printStackTrace(System.out);
        }
    }

    /** The figures of a run; problems fail it. */
    static final class Tally {
        int rounds;
        long faults;
        int callerExceptions;
        int corrupt;
        int lost;
        final List<String> problems = new ArrayList<>();
        final Map<String, Integer> messages = new LinkedHashMap<>();
    }

    /** The plain directory under the mock, left open when the index closes it, to be checked after. */
    private static final class KeptOpen extends FilterDirectory {
        KeptOpen(Directory in) {
            super(in);
        }

        @Override
        public void close() {}
    }

    private static Article changed(Article a) {
        return Article.builder(a.id())
                .title(a.title() + " (updated)")
                .body(a.body())
                .build();
    }

    static String replay(long roundSeed) {
        return " (replay: -Dlede.faults.seed=" + roundSeed + " -Dlede.faults.rounds=1)";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        // File names, sizes and seeds vary; the kind of message does not.
        return s.lines().findFirst().orElse("").replaceAll("\\(.*", "(...)").replaceAll("\\d+", "N");
    }
}
