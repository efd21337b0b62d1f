package dev.lede.bench;

import dev.lede.internal.index.LedeCodec;
import dev.lede.internal.schema.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What loading a page of articles costs with Lucene's default stored fields and with {@link
 * LedeCodec}'s small chunks: the same Lede documents written into two indexes (one segment each),
 * then pages of ten random articles read from each in turn, converted to articles as a search
 * does. Prints each index's size, the median and 90th percentile per page, and the ratios.
 *
 * <pre>
 *   java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
 *       dev.lede.bench.StoredPageLoad [articles [pages]]        # 20000 articles, 20000 pages
 * </pre>
 */
public final class StoredPageLoad {
    private StoredPageLoad() {}

    public static void main(String[] args) throws IOException {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Corpus corpus =
                Corpus.load("reuters", Path.of(System.getProperty("lede.shared.data", "../shared/data")), articles, 42);
        Schema schema = new Schema();
        Path work = Path.of("target/bench/stored");
        String[] names = {"lucene default", "lede codec"};
        Codec[] codecs = {Codec.getDefault(), new LedeCodec()};
        Directory[] dirs = new Directory[2];
        DirectoryReader[] readers = new DirectoryReader[2];
        long[] sizes = new long[2];
        for (int i = 0; i < 2; i++) {
            Path folder = work.resolve("index-" + i);
            BenchRun.deleteTree(folder);
            dirs[i] = FSDirectory.open(folder);
            IndexWriterConfig config =
                    new IndexWriterConfig(schema.analyzer()).setCodec(codecs[i]).setRAMBufferSizeMB(128);
            try (IndexWriter w = new IndexWriter(dirs[i], config)) {
                for (BenchDoc d : corpus) {
                    w.addDocument(schema.toDocument(LedeSystem.article(d)));
                }
                w.forceMerge(1);
                w.commit();
            }
            for (String f : dirs[i].listAll()) {
                sizes[i] += dirs[i].fileLength(f);
            }
            readers[i] = DirectoryReader.open(dirs[i]);
        }
        long[][] times = new long[2][pages];
        Random random = new Random(42);
        int[] page = new int[10];
        for (int p = -pages / 4; p < pages; p++) {
            for (int j = 0; j < page.length; j++) {
                page[j] = random.nextInt(readers[0].maxDoc());
            }
            for (int k = 0; k < 2; k++) {
                int i = (k + Math.floorMod(p, 2)) % 2; // alternate which goes first
                long t = System.nanoTime();
                StoredFields stored = readers[i].storedFields();
                for (int doc : page) {
                    schema.toArticle(stored.document(doc));
                }
                if (p >= 0) {
                    times[i][p] = System.nanoTime() - t;
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            Arrays.sort(times[i]);
            System.out.printf(
                    Locale.ROOT,
                    "%-15s index %6.1f MB   page of 10: p50 %6.1f us  p90 %6.1f us%n",
                    names[i],
                    sizes[i] / 1e6,
                    times[i][pages / 2] / 1e3,
                    times[i][pages * 9 / 10] / 1e3);
        }
        System.out.printf(
                Locale.ROOT,
                "lede/default: index size %.3f, page p50 %.3f, p90 %.3f%n",
                (double) sizes[1] / sizes[0],
                (double) times[1][pages / 2] / times[0][pages / 2],
                (double) times[1][pages * 9 / 10] / times[0][pages * 9 / 10]);
        for (int i = 0; i < 2; i++) {
            readers[i].close();
            dirs[i].close();
        }
    }
}
