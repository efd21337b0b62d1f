package dev.lede.internal.index;

import dev.lede.article.Article;
import dev.lede.internal.schema.ContentHash;
import dev.lede.internal.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * One bulk ingest: articles handed in by one producer thread are written by N indexing threads into
 * the shared {@link IndexWriter}, each article upserted by id, unless its {@link ContentHash} equals
 * the indexed version's, in which case nothing is written.
 *
 * <p>Articles go to the threads in batches. A batch of ids not seen before in the ingest goes to
 * the thread with the fewest batches waiting, so that a thread busy writing a segment to disk does
 * not hold up the others; a later version of an id goes to the thread the id went to ({@link
 * IdThreads}), so two versions of one id in the same ingest are written in input order (the last
 * one wins) without any locking.
 * Sending each article to the thread its id hashed to did that too, but while one thread flushed,
 * the producer waited on its full queue and the other thread ran dry: for seconds at each flush
 * (docs/bench, "Batches to the least busy thread"). The indexed versions are looked up in a
 * near-real-time reader opened when the ingest starts. In a folder sync, an id that
 * several files hold is kept from the last of them in the sync's order (see {@link #fileOrder}).
 *
 * <p>The writer flushes an in-memory segment when its RAM budget is full, on the indexing thread
 * that filled it, as raw Lucene does. A separate thread used to flush ahead of that (at 80%, then
 * 95% of the budget) so that the indexing threads would keep indexing; but its segments came out
 * smaller than Lucene's, so the index merged more, and without it an ingest of 500,000 articles
 * took the same time and 6% less CPU (docs/bench, "Flushing on the indexing threads"). When every
 * thread has indexed its last article, they write the rest of the in-memory segments together,
 * instead of the ingest's closing commit doing it on one thread.
 */
public final class BulkIngest {
    private static final List<Item> END = Collections.unmodifiableList(new ArrayList<>()); // by identity
    // Articles go to a thread in batches of this many: one hand-off (and at most one wake-up of
    // each side) per batch, not per article. Handing over each article on its own, an ingest of
    // 100,000 articles on 2 cores switched threads about 95,000 times; in batches, about 17,000
    // (raw Lucene, whose threads take articles from the input themselves: 11,000).
    static final int BATCH = 32;
    private static final int BATCHES_PER_THREAD = 8; // waiting, on average

    private final IndexWriter writer;
    private final Schema schema;
    private final DirectoryReader snapshot;
    private final List<Worker> workers = new ArrayList<>();
    // The producer's alone: the articles of ids not yet sent to any thread, for the least busy one;
    // per thread, later versions of ids sent to it, not yet handed over; the thread each id went
    // to; and where the search for the least busy thread starts, so that equals take turns.
    private List<Item> open = new ArrayList<>(BATCH);
    private final List<List<Item>> pinned = new ArrayList<>();
    private final IdThreads idThreads;
    private int nextThread;
    // Batches of articles the threads may have waiting, all together (BATCHES_PER_THREAD each on
    // average): the producer waits for room only once they are all taken.
    private final Semaphore room;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final LongAdder added = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final LongAdder unchanged = new LongAdder();
    private final Queue<Rejected> rejected = new ConcurrentLinkedQueue<>();
    private final CountDownLatch allIndexed; // counted down by each indexing thread when it is done
    // A folder sync's files, each with its place in the sync's order; empty otherwise.
    private volatile Map<String, Integer> fileOrder = Map.of();
    // The ids written from a file over a version another file had given (by that file).
    private final Map<String, Set<String>> taken = new ConcurrentHashMap<>();
    // The ids an earlier file did not write because a later file held them: by the later file, the
    // id and the last file that yielded it.
    private final Map<String, Map<String, String>> yielded = new ConcurrentHashMap<>();
    // Yielded ids read again from their file because the later file no longer holds them: the id
    // and the later file. Written without yielding, and counted once.
    private final Map<String, String> released = new ConcurrentHashMap<>();

    /**
     * An article and the file it was read from ({@code null} when it came from the application); or,
     * with no article, a barrier each thread counts down when it gets there.
     */
    private record Item(Article article, long key, Schema.FileStamp from, CountDownLatch barrier) {}

    /** An article the index refused (say, a term over Lucene's size limit); the ingest goes on. */
    public record Rejected(String id, String reason) {}

    public BulkIngest(IndexWriter writer, Schema schema, int threads) throws IOException {
        this.writer = writer;
        this.schema = schema;
        this.snapshot = DirectoryReader.open(writer);
        this.allIndexed = new CountDownLatch(threads);
        this.idThreads = new IdThreads(threads);
        this.room = new Semaphore(threads * BATCHES_PER_THREAD);
        for (int i = 0; i < threads; i++) {
            Worker w = new Worker();
            Thread t = new Thread(w, "lede-ingest-" + (i + 1));
            t.setDaemon(true);
            w.thread = t;
            workers.add(w);
            pinned.add(new ArrayList<>(BATCH));
            t.start();
        }
    }

    /**
     * Gives the files of a folder sync in the order they are read (by {@link
     * FileOrigins#key}), before any article is queued. An id held by several of them is then kept
     * from the last one, also when only an earlier one is read again: an article read from a file
     * is not written when the index holds its id from a file later in this order.
     */
    void fileOrder(List<String> origins) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < origins.size(); i++) {
            order.put(origins.get(i), i);
        }
        fileOrder = order;
    }

    /**
     * The ids whose indexed version came from the file {@code origin} and that this ingest wrote
     * from another file; complete once {@link #finish()} has returned.
     */
    Set<String> takenFrom(String origin) {
        return taken.getOrDefault(origin, Set.of());
    }

    /**
     * The ids not written from a file because {@code holder}, later in the sync's order, held
     * them, each with the last file that yielded it; complete once {@link #drain()} has returned.
     */
    Map<String, String> yieldedTo(String holder) {
        return yielded.getOrDefault(holder, Map.of());
    }

    /**
     * Lets {@code ids}, yielded to {@code holder}, be written when read again from the file that
     * yielded them: {@code holder} turned out not to hold them any more.
     */
    void release(String holder, Collection<String> ids) {
        for (String id : ids) {
            released.put(id, holder);
        }
    }

    /**
     * Queues an article, blocking while the threads have all the batches they may have waiting.
     *
     * @throws UncheckedIOException if writing an earlier article failed
     */
    public void accept(Article article) {
        accept(article, null);
    }

    /**
     * Queues an article read from the file {@code from}, blocking while the threads have all the
     * batches they may have waiting.
     *
     * @throws UncheckedIOException if writing an earlier article failed
     */
    public void accept(Article article, Schema.FileStamp from) {
        rethrowFailure();
        long key = WrittenIds.key(article.id());
        Item item = new Item(article, key, from, null);
        int t = workers.size() == 1 ? -1 : idThreads.threadOf(key);
        if (t < 0) {
            open.add(item);
            if (open.size() == BATCH) {
                handOpen();
            }
        } else {
            List<Item> batch = pinned.get(t);
            batch.add(item);
            if (batch.size() == BATCH) {
                hand(t, batch);
                pinned.set(t, new ArrayList<>(BATCH));
            }
        }
    }

    /** Hands the batch of new ids to the least busy thread, which then takes their later versions. */
    private void handOpen() {
        waitForRoom(); // first: interrupted, the batch stays
        List<Item> batch = open;
        open = new ArrayList<>(BATCH);
        int t = 0;
        if (workers.size() > 1) {
            t = leastBusy();
            for (Item item : batch) {
                idThreads.record(item.key(), t);
            }
        }
        workers.get(t).queue.add(batch);
    }

    private void hand(int thread, List<Item> batch) {
        waitForRoom();
        workers.get(thread).queue.add(batch);
    }

    private void waitForRoom() {
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ingesting", e);
        }
    }

    /** The thread with the fewest batches waiting; of equals, they take turns. */
    private int leastBusy() {
        int best = nextThread;
        int fewest = Integer.MAX_VALUE;
        for (int k = 0; k < workers.size(); k++) {
            int i = (nextThread + k) % workers.size();
            int waiting = workers.get(i).queue.size();
            if (waiting < fewest) {
                best = i;
                fewest = waiting;
            }
        }
        nextThread = (best + 1) % workers.size();
        return best;
    }

    /** Hands the threads the articles still waiting for a full batch. */
    private void handPending() {
        if (!open.isEmpty()) {
            handOpen();
        }
        for (int t = 0; t < workers.size(); t++) {
            if (!pinned.get(t).isEmpty()) {
                hand(t, pinned.get(t));
                pinned.set(t, new ArrayList<>(BATCH));
            }
        }
    }

    /**
     * Waits until every article queued so far is written (or refused).
     *
     * @throws UncheckedIOException if writing an article failed
     */
    void drain() {
        handPending();
        CountDownLatch reached = new CountDownLatch(workers.size());
        try {
            for (Worker w : workers) {
                w.queue.add(List.of(new Item(null, 0, null, reached)));
            }
            reached.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ingesting", e);
        }
        rethrowFailure();
    }

    /** The index as it was when the ingest started. */
    DirectoryReader snapshot() {
        return snapshot;
    }

    /** Records a file's new state on every article read from it (rewritten or not). */
    void restamp(Schema.FileStamp stamp) throws IOException {
        writer.updateDocValues(
                new Term(Schema.ORIGIN, stamp.origin()),
                new NumericDocValuesField(Schema.ORIGIN_SIZE, stamp.size()),
                new NumericDocValuesField(Schema.ORIGIN_MTIME, stamp.mtime()),
                new BinaryDocValuesField(Schema.ORIGIN_HASH, new BytesRef(stamp.hash())),
                new NumericDocValuesField(Schema.ORIGIN_ARTICLES, stamp.articles()));
    }

    /** Deletes the articles with these ids that were read from the file {@code origin}. */
    void deleteFromFile(String origin, Collection<String> ids) throws IOException {
        List<BytesRef> terms = ids.stream().map(BytesRef::new).toList();
        writer.deleteDocuments(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Schema.ORIGIN, origin)), BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(Schema.ID, terms), BooleanClause.Occur.FILTER)
                .build());
    }

    /** Deletes every article read from the file {@code origin}. */
    void deleteFile(String origin) throws IOException {
        writer.deleteDocuments(new Term(Schema.ORIGIN, origin));
    }

    public long added() {
        return added.sum();
    }

    public long updated() {
        return updated.sum();
    }

    public long unchanged() {
        return unchanged.sum();
    }

    /** Articles the index refused, once {@link #finish()} has returned. */
    public List<Rejected> rejected() {
        return List.copyOf(rejected);
    }

    /** Stops the threads after a failure elsewhere, dropping what is queued; never throws. */
    public void abort() {
        failure.compareAndSet(null, new IllegalStateException("ingest aborted"));
        try {
            finish();
        } catch (IOException | RuntimeException | Error ignored) {
            // the caller is already failing with the cause that matters
        }
    }

    /**
     * Waits for every queued article to be written and stops the threads.
     *
     * @throws IOException if writing any article failed
     */
    public void finish() throws IOException {
        try {
            try {
                if (failure.get() == null) {
                    handPending();
                }
            } finally {
                for (Worker w : workers) {
                    w.queue.add(END); // the threads stop even if handing over failed
                }
            }
            for (Worker w : workers) {
                w.thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while finishing an ingest", e);
        } finally {
            snapshot.close();
        }
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw io;
        }
        rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("an indexing thread stopped: " + t, t);
        }
    }

    private final class Worker implements Runnable {
        // Unbounded: the producer takes room for each batch of articles first.
        final BlockingQueue<List<Item>> queue = new LinkedBlockingQueue<>();
        Thread thread;
        // Ids this thread wrote in this ingest, with the first 8 bytes of their hash.
        private final WrittenIds written = new WrittenIds();
        private final long[] earlier = new long[1];
        private final IndexedHashes indexed = new IndexedHashes(snapshot);
        private final ContentHash hasher = new ContentHash();

        @Override
        public void run() {
            try {
                index();
            } finally {
                allIndexed.countDown();
            }
            flushTail();
        }

        /**
         * Once every thread has indexed its last article, writes the in-memory segments to disk, one
         * per thread at a time: the commit that ends the ingest would otherwise flush them one after
         * the other on one thread, while the other cores wait.
         */
        private void flushTail() {
            try {
                allIndexed.await();
                while (failure.get() == null && writer.flushNextBuffer()) {
                    // the next largest
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, e);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }

        /** Writes the queued articles until the end of the ingest. */
        private void index() {
            while (true) {
                List<Item> batch;
                try {
                    batch = queue.take();
                } catch (InterruptedException e) {
                    failure.compareAndSet(null, e);
                    return;
                }
                if (batch == END) {
                    return;
                }
                if (batch.getFirst().barrier() == null) {
                    room.release();
                }
                for (Item a : batch) {
                    process(a);
                }
            }
        }

        private void process(Item a) {
            if (a.barrier() != null) {
                a.barrier().countDown();
                return;
            }
            // After a failure, keep draining so the producer never blocks, but write nothing.
            if (failure.get() == null) {
                try {
                    write(a);
                } catch (IllegalArgumentException refused) {
                    // This document only: IndexWriter rejected it before changing anything.
                    rejected.add(new Rejected(a.article().id(), refused.getMessage()));
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        }

        // The hash is computed once, for the comparison and for the document.
        private void upsert(Item item, byte[] hash) throws IOException {
            Article a = item.article();
            writer.updateDocument(schema.idTerm(a.id()), schema.toDocument(a, hash, item.from()));
        }

        private void write(Item item) throws IOException {
            Article a = item.article();
            byte[] hash = hasher.hash(a);
            long prefix = prefix(hash);
            if (written.put(item.key(), prefix, earlier)) {
                String holder = item.from() == null ? null : released.remove(a.id());
                if (holder != null) {
                    // Yielded earlier in this ingest (and counted unchanged then); the holder
                    // dropped it, so it is written from here after all.
                    unchanged.decrement();
                    taken.computeIfAbsent(holder, o -> ConcurrentHashMap.newKeySet())
                            .add(a.id());
                    upsert(item, hash);
                    if (earlier[0] == prefix) {
                        unchanged.increment();
                    } else {
                        updated.increment();
                    }
                } else if (item.from() != null && indexed.hash(a.id(), true) != null && heldByLaterFile(item)) {
                    // An earlier file yielded it too: the later file's version stays.
                    written.put(item.key(), earlier[0], earlier);
                    yielded(item);
                    unchanged.increment();
                } else {
                    if (item.from() != null && indexed.origin() != null) {
                        // Written from here: an earlier file that yielded it has nothing to put back.
                        Map<String, String> left = yielded.get(indexed.origin());
                        if (left != null) {
                            left.remove(a.id());
                        }
                    }
                    if (earlier[0] == prefix) {
                        if (item.from() != null) {
                            upsert(item, hash); // from a file: the last file read that holds it is recorded
                        }
                        unchanged.increment();
                    } else {
                        upsert(item, hash);
                        updated.increment();
                    }
                }
                return;
            }
            byte[] old = indexed.hash(a.id(), item.from() != null);
            if (old != null && heldByLaterFile(item)) {
                written.put(item.key(), prefix(old), earlier); // the later file's version stays
                yielded(item);
                unchanged.increment();
                return;
            }
            if (old != null
                    && item.from() != null
                    && indexed.origin() != null
                    && !indexed.origin().equals(item.from().origin())) {
                taken.computeIfAbsent(indexed.origin(), o -> ConcurrentHashMap.newKeySet())
                        .add(a.id());
            }
            if (old == null) {
                upsert(item, hash);
                added.increment();
            } else if (Arrays.equals(old, hash)) {
                if (item.from() != null && !item.from().origin().equals(indexed.origin())) {
                    // The same article, now read from another file (or first from a file): it is
                    // rewritten to record that file, which a folder sync goes by.
                    upsert(item, hash);
                }
                unchanged.increment();
            } else {
                upsert(item, hash);
                updated.increment();
            }
        }

        /** Records that the item's file left its article to the file that holds it (just looked up). */
        private void yielded(Item item) {
            yielded.computeIfAbsent(indexed.origin(), o -> new ConcurrentHashMap<>())
                    .put(item.article().id(), item.from().origin());
        }

        /** Whether the indexed version just looked up came from a file read after the item's own. */
        private boolean heldByLaterFile(Item item) {
            if (item.from() == null || indexed.origin() == null) {
                return false;
            }
            Integer mine = fileOrder.get(item.from().origin());
            Integer theirs = fileOrder.get(indexed.origin());
            return mine != null && theirs != null && theirs > mine;
        }
    }

    private static long prefix(byte[] hash) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (hash[i] & 0xFF);
        }
        return v;
    }

    /**
     * Looks up the content hash of the live article with an id, in one reader. Not thread-safe: one
     * per thread.
     *
     * <p>An id has one live article, so the segments are searched largest first: an article already
     * indexed is found after fewer term look-ups on average than in index order (a merged segment
     * holds most articles; each commit adds small ones).
     */
    static final class IndexedHashes {
        private static final byte[] NO_HASH = new byte[0];
        private final List<LeafReaderContext> leaves;
        private final TermsEnum[] termsEnums;
        private PostingsEnum postings;
        private String origin;

        IndexedHashes(DirectoryReader reader) {
            this.leaves = reader.leaves().stream()
                    .sorted(Comparator.comparingInt(
                                    (LeafReaderContext c) -> c.reader().numDocs())
                            .reversed())
                    .toList();
            this.termsEnums = new TermsEnum[leaves.size()];
        }

        /**
         * The file the article last looked up by {@link #hash} was read from, or {@code null} (also
         * when the look-up did not ask for it).
         */
        String origin() {
            return origin;
        }

        /**
         * The hash, an empty array for an article indexed without one, or {@code null} if absent;
         * with {@code withOrigin}, also notes the file it was read from, for {@link #origin()}.
         */
        byte[] hash(String id, boolean withOrigin) throws IOException {
            origin = null;
            BytesRef term = new BytesRef(id);
            for (int i = 0; i < leaves.size(); i++) {
                LeafReader leaf = leaves.get(i).reader();
                TermsEnum te = termsEnum(i, leaf);
                if (te == null || !te.seekExact(term)) {
                    continue;
                }
                postings = te.postings(postings, PostingsEnum.NONE);
                Bits live = leaf.getLiveDocs();
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        SortedDocValues origins = withOrigin ? leaf.getSortedDocValues(Schema.ORIGIN) : null;
                        if (origins != null && origins.advanceExact(doc)) {
                            origin = origins.lookupOrd(origins.ordValue()).utf8ToString();
                        }
                        BinaryDocValues hashes = leaf.getBinaryDocValues(Schema.HASH);
                        if (hashes == null || !hashes.advanceExact(doc)) {
                            return NO_HASH;
                        }
                        BytesRef b = hashes.binaryValue();
                        return Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length);
                    }
                }
            }
            return null;
        }

        private TermsEnum termsEnum(int i, LeafReader leaf) throws IOException {
            if (termsEnums[i] == null) {
                Terms terms = leaf.terms(Schema.ID);
                if (terms == null) {
                    return null;
                }
                termsEnums[i] = terms.iterator();
            }
            return termsEnums[i];
        }
    }
}
