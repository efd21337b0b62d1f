package dev.lede.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdThreadsTest {
    @Test
    void record_keepsTheFirstThreadOfEveryId_acrossGrowth() {
        IdThreads threads = new IdThreads(3);
        for (int i = 0; i < 50_000; i++) {
            long key = WrittenIds.key("reuters-" + i);
            assertThat(threads.threadOf(key)).isEqualTo(-1);
            threads.record(key, i % 3);
        }
        assertThat(threads.size()).isEqualTo(50_000);
        for (int i = 0; i < 50_000; i += 7) {
            long key = WrittenIds.key("reuters-" + i);
            threads.record(key, (i + 1) % 3); // a later version: the first thread stays
            assertThat(threads.threadOf(key)).as("reuters-%d", i).isEqualTo(i % 3);
        }
        assertThat(threads.size()).isEqualTo(50_000);
        assertThat(threads.threadOf(WrittenIds.key("reuters-50000"))).isEqualTo(-1);
    }

    @Test
    void keysDifferingOnlyInTheThreadBits_shareTheFirstOnesThread() {
        IdThreads threads = new IdThreads(4); // 2 bits
        threads.record(0x1230L, 2);
        assertThat(threads.threadOf(0x1233L)).isEqualTo(2);
        assertThat(threads.threadOf(0x1234L)).isEqualTo(-1);
        // A key that is all thread bits is kept apart from an empty slot.
        threads.record(0x3L, 0);
        assertThat(threads.threadOf(0x1L)).isZero();
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
