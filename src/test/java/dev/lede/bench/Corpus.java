package dev.lede.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The articles a benchmark indexes: the first N records of a JSONL collection as they are, or,
 * when N is larger than the collection, N articles recombined from its real titles and sentences.
 *
 * <p>Generated articles are made lazily and deterministically (article i depends only on the seed
 * and i), so a million of them need no memory and every system, in its own JVM, sees the same
 * text in the same order.
 */
final class Corpus implements Iterable<BenchDoc> {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"'])");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final String name;
    private final List<BenchDoc> base;
    private final List<String> sentences = new ArrayList<>();
    private final int[] sentenceCounts;
    private final int size;
    private final long seed;

    private Corpus(String name, List<BenchDoc> base, int size, long seed) {
        this.name = name;
        this.base = base;
        this.size = size;
        this.seed = seed;
        this.sentenceCounts = new int[base.size()];
        if (size > base.size()) {
            for (int i = 0; i < base.size(); i++) {
                List<String> split = sentences(base.get(i).body());
                sentences.addAll(split);
                sentenceCounts[i] = Math.max(1, split.size());
            }
        }
    }

    /**
     * {@code articles} articles from {@code name} ("reuters", "bbc" or a path to a JSONL file with
     * id, title, body), under {@code dataDir} for the named ones.
     */
    static Corpus load(String name, Path dataDir, int articles, long seed) throws IOException {
        if (articles < 1) {
            throw new IllegalArgumentException("articles must be positive, not " + articles);
        }
        Path file = switch (name) {
            case "reuters" -> dataDir.resolve("reuters21578/articles.jsonl");
            case "bbc" -> dataDir.resolve("bbc-news/articles.jsonl");
            default -> Path.of(name);
        };
        return new Corpus(name, read(file), articles, seed);
    }

    static List<BenchDoc> read(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<BenchDoc> docs = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(jsonl, UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = json.readTree(line);
                } catch (IOException e) {
                    continue; // a malformed record is no article for any system
                }
                if (!n.isObject() || n.path("id").asText("").isBlank()) {
                    continue;
                }
                String body = clean(n.path("body").asText(""));
                String title = clean(n.path("title").asText(""));
                if (!body.isEmpty() || !title.isEmpty()) {
                    docs.add(new BenchDoc(n.path("id").asText(), title, body));
                }
            }
        }
        if (docs.isEmpty()) {
            throw new IOException("no articles in " + jsonl);
        }
        return docs;
    }

    private static String clean(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    static List<String> sentences(String body) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(body)) {
            if (s.length() >= 20) {
                out.add(s);
            }
        }
        return out;
    }

    String name() {
        return name;
    }

    int size() {
        return size;
    }

    /** Article {@code i} (0-based). */
    BenchDoc get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        if (size <= base.size()) {
            return base.get(i);
        }
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        BenchDoc shape = base.get(r.nextInt(base.size()));
        int count = sentenceCounts[r.nextInt(sentenceCounts.length)];
        StringBuilder body = new StringBuilder(count * 120);
        for (int s = 0; s < count; s++) {
            if (s > 0) {
                body.append(' ');
            }
            body.append(sentences.get(r.nextInt(sentences.size())));
        }
        return new BenchDoc(String.format(Locale.ROOT, "g%08d", i), shape.title(), body.toString());
    }

    /** The sentence {@link #revised} adds to an article's body. */
    static final String REVISION = "The story was revised by the editors overnight.";

    /**
     * The corpus as a later sync of its source offers it: every {@code every}-th article, from the
     * first, with {@link #REVISION} added to its body, the others as they were. Made as it is read,
     * like the corpus itself, so a million articles are never all in the heap at once.
     */
    Iterable<BenchDoc> revised(int every) {
        return () -> articles(i -> {
            BenchDoc d = get(i);
            return i % every == 0 ? new BenchDoc(d.id(), d.title(), d.body() + " " + REVISION) : d;
        });
    }

    /** The sentence {@link #revisedAgain} adds to an article's body. */
    static final String SECOND_REVISION = "A second revision came from the copy desk.";

    /**
     * The corpus as the sync after {@link #revised} offers it: the articles {@code revised} changed
     * as it left them, and every {@code every}-th article from the {@code every / 2}-th, which
     * {@code revised} left alone, with {@link #SECOND_REVISION} added to its body: again one
     * article in {@code every} changed.
     */
    Iterable<BenchDoc> revisedAgain(int every) {
        return () -> articles(i -> {
            BenchDoc d = get(i);
            if (i % every == 0) {
                return new BenchDoc(d.id(), d.title(), d.body() + " " + REVISION);
            }
            return i % every == every / 2 ? new BenchDoc(d.id(), d.title(), d.body() + " " + SECOND_REVISION) : d;
        });
    }

    @Override
    public Iterator<BenchDoc> iterator() {
        return articles(this::get);
    }

    /** Articles 0 to size - 1, each made by {@code article} as it is read. */
    private Iterator<BenchDoc> articles(IntFunction<BenchDoc> article) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public BenchDoc next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return article.apply(next++);
            }
        };
    }
}
