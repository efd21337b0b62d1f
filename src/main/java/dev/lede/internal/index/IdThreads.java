package dev.lede.internal.index;

/**
 * Which indexing thread each id of a bulk ingest went to, so that every later version of the id
 * goes to the same thread and is written after the earlier one. Kept as one 32-bit number an id
 * (the high half of its {@link WrittenIds#key}, with the thread's number in its low bits) in an
 * open-addressing array that grows at half full: 8 to 16 bytes an id. Not thread-safe: the
 * producer's alone.
 *
 * <p>Two ids whose numbers are equal share an entry, so the second goes to the first one's thread
 * (at 1M ids, about 1 new id in 2,000). That only moves work: all versions of an id still go to one
 * thread.
 */
final class IdThreads {
    private static final int EMPTY = 0;
    private final int threadBits;
    private int[] slots = new int[1024];
    private int size;

    /** For thread numbers 0 to {@code threads - 1}. */
    IdThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        int bits = 32 - Integer.numberOfLeadingZeros(threads - 1);
        this.threadBits = (1 << bits) - 1;
    }

    /** The thread the id with this {@link WrittenIds#key key} went to, or -1 if none yet. */
    int threadOf(long key) {
        int id = idPart(key);
        int mask = slots.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == EMPTY) {
                return -1;
            }
            if ((s & ~threadBits) == id) {
                return s & threadBits;
            }
        }
    }

    /** Records that the id with this key went to {@code thread}, unless it went to one before. */
    void record(long key, int thread) {
        int id = idPart(key);
        int mask = slots.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            int s = slots[i];
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

    /** Ids recorded (those sharing an entry once). */
    int size() {
        return size;
    }

    // The key's high half without its low bits; never 0, so that an entry is never EMPTY.
    private int idPart(long key) {
        int id = (int) (key >>> 32) & ~threadBits;
        return id == 0 ? threadBits + 1 : id;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        int mask = slots.length - 1;
        for (int s : old) {
            if (s != EMPTY) {
                int i = slot(s & ~threadBits, mask);
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = s;
            }
        }
    }

    // The id's low bits are the thread's, so its high bits are folded in.
    private static int slot(int id, int mask) {
        return (id ^ (id >>> 16)) & mask;
    }
}
