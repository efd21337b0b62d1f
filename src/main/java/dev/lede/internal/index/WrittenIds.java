package dev.lede.internal.index;

/**
 * The ids one ingest thread has written so far, each with the first 8 bytes of its content hash,
 * kept as two 64-bit numbers in open-addressing arrays that grow at half full: 32 to 64 bytes an
 * id, where a map of strings held about 120 (a million-article ingest kept 120 MB of heap only for
 * this).
 *
 * <p>An id is kept as a 64-bit hash of its characters. Two different ids with the same hash would
 * make the second count as a new version of the first: it is still written (by its own id), unless
 * its content hash prefix is also equal, a chance of about 2<sup>-128</sup>. Not thread-safe.
 */
final class WrittenIds {
    private static final long EMPTY = 0; // a key of 0 is remapped to 1
    private long[] keys = new long[1024];
    private long[] values = new long[1024];
    private int size;

    /**
     * Records the id with this {@link #key} and {@code hashPrefix}, returning whether it had been
     * recorded before, and if so the earlier prefix in {@code earlier[0]}.
     */
    boolean put(long key, long hashPrefix, long[] earlier) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                keys[i] = key;
                values[i] = hashPrefix;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return false;
            }
            if (keys[i] == key) {
                earlier[0] = values[i];
                values[i] = hashPrefix;
                return true;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private static int slot(long key, int mask) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    /** A 64-bit hash of the id's characters (FNV-1a, then a SplitMix64 finaliser); never 0. */
    static long key(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return h == EMPTY ? 1 : h;
    }
}
