package dev.lede.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdThreadsTest {
    @Test
    void record_keepsTheFirstThreadOfEveryId_acrossGrowth() {
        IdThreads threads = new IdThreads(3);
        // Keys whose high halves differ above the 2 thread bits: 50,000 distinct entries.
        for (int i = 0; i < 50_000; i++) {
            assertThat(threads.threadOf(key(i))).isEqualTo(-1);
            threads.record(key(i), i % 3);
        }
        assertThat(threads.size()).isEqualTo(50_000);
        for (int i = 0; i < 50_000; i += 7) {
            threads.record(key(i), (i + 1) % 3); // a later version: the first thread stays
            assertThat(threads.threadOf(key(i))).as("key %d", i).isEqualTo(i % 3);
        }
        assertThat(threads.size()).isEqualTo(50_000);
        assertThat(threads.threadOf(key(50_000))).isEqualTo(-1);
    }

    private static long key(int i) {
        return ((long) (i + 1) << 34) | 0x2345_6789L;
    }

    @Test
    void realIds_goBackToTheirThread() {
        IdThreads threads = new IdThreads(2);
        for (int i = 0; i < 1_000; i++) {
            threads.record(WrittenIds.key("reuters-" + i), i % 2);
        }
        for (int i = 0; i < 1_000; i++) {
            assertThat(threads.threadOf(WrittenIds.key("reuters-" + i))).isEqualTo(i % 2);
        }
    }

    @Test
    void keysWhoseHighHalvesDifferOnlyInTheThreadBits_shareTheFirstOnesThread() {
        IdThreads threads = new IdThreads(4); // 2 bits
        threads.record(0x1230L << 32, 2);
        assertThat(threads.threadOf(0x1233L << 32)).isEqualTo(2);
        assertThat(threads.threadOf((0x1230L << 32) | 0xFFFF_FFFFL)).isEqualTo(2); // the low half is not kept
        assertThat(threads.threadOf(0x1234L << 32)).isEqualTo(-1);
        // A key whose high half is all thread bits is kept apart from an empty slot.
        threads.record(0x3L << 32, 0);
        assertThat(threads.threadOf(0x1L << 32)).isZero();
        assertThat(threads.size()).isEqualTo(2);
    }

    @Test
    void oneThread_needsNoBits_andEveryIdIsThreadZero() {
        IdThreads threads = new IdThreads(1);
        threads.record(WrittenIds.key("a"), 0);
        assertThat(threads.threadOf(WrittenIds.key("a"))).isZero();
        assertThat(threads.threadOf(WrittenIds.key("b"))).isEqualTo(-1);
        assertThatThrownBy(() -> new IdThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be at least 1, got 0");
    }
}
