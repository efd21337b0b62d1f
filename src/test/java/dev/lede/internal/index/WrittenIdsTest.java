package dev.lede.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrittenIdsTest {
    @Test
    void put_remembersEveryIdWithItsLatestPrefix_acrossGrowth() {
        WrittenIds ids = new WrittenIds();
        long[] earlier = new long[1];
        for (int i = 0; i < 50_000; i++) {
            assertThat(ids.put(WrittenIds.key("reuters-" + i), i, earlier)).isFalse();
        }
        assertThat(ids.size()).isEqualTo(50_000);
        for (int i = 0; i < 50_000; i += 7) {
            assertThat(ids.put(WrittenIds.key("reuters-" + i), -i, earlier)).isTrue();
            assertThat(earlier[0]).isEqualTo(i);
        }
        assertThat(ids.put(WrittenIds.key("reuters-14"), 99, earlier)).isTrue();
        assertThat(earlier[0]).isEqualTo(-14);
        assertThat(ids.put(WrittenIds.key("reuters-50000"), 1, earlier)).isFalse();
        assertThat(ids.size()).isEqualTo(50_001);
    }

    @Test
    void key_isNeverZero_andTellsIdsDifferingInOneCharacterApart() {
        assertThat(WrittenIds.key("")).isNotZero();
        assertThat(WrittenIds.key("a1")).isNotEqualTo(WrittenIds.key("a2"));
        assertThat(WrittenIds.key("ab")).isNotEqualTo(WrittenIds.key("ba"));
    }
}
