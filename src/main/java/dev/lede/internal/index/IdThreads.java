package dev.lede.internal.index;

/**
 * Which indexing thread each id of a bulk ingest went to, so that every later version of the id
 * goes to the same thread and is written after the earlier one. Kept as one 64-bit number an id
 * ({@link WrittenIds#key} with the thread's number in its low bits) in an open-addressing array: 8
 * to 16 bytes an id. Not thread-safe: the producer's alone.
 *
 * <p>Two ids whose keys differ only in those low bits share an entry, so the second goes to the
 * first one's thread. That only moves work: all versions of an id still go to one thread.
 */
final class IdThreads {
    private static final long EMPTY = 0;
    private final long threadBits;
    private long[] slots = new long[1024];
    private int size;

    /** For thread numbers 0 to {@code threads - 1}. */
    IdThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        int bits = 32 - Integer.numberOfLeadingZeros(threads - 1);
        this.threadBits = (1L << bits) - 1;
    }

    /** The thread the id with this {@link WrittenIds#key key} went to, or -1 if none yet. */
    int threadOf(long key) {
        long id = idPart(key);
        int mask = slots.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == EMPTY) {
                return -1;
            }
            if ((s & ~threadBits) == id) {
                return (int) (s & threadBits);
            }
        }
    }

    /** Records that the id with this key went to {@code thread}, unless it went to one before. */
    void record(long key, int thread) {
        long id = idPart(key);
        int mask = slots.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == EMPTY) {
                slots[i] = id | thread;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return;
            }
            if ((s & ~threadBits) == id) {
                return;
            }
        }
    }

    /** Ids recorded. */
    int size() {
        return size;
    }

    // The key without its low bits; never 0, so that an entry is never EMPTY.
    private long idPart(long key) {
        long id = key & ~threadBits;
        return id == 0 ? threadBits + 1 : id;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long s : old) {
            if (s != EMPTY) {
                int i = slot(s & ~threadBits, mask);
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = s;
            }
        }
    }

    private static int slot(long id, int mask) {
        return (int) (id ^ (id >>> 32)) & mask;
    }
}
