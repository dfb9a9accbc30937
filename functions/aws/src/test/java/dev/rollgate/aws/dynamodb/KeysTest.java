package dev.rollgate.aws.dynamodb;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysTest {
    @Test
    void compositeKeysOfDifferentPartsNeverCollide() {
        assertThat(Keys.composite("a#b", "c")).isNotEqualTo(Keys.composite("a", "b#c"));
    }

    @Test
    void timeKeysSortLikeTheInstants() {
        Instant[] ordered = {Instant.parse("2001-09-09T01:46:39Z"), Instant.parse("2001-09-09T01:46:40Z"),
                Instant.parse("2001-09-09T01:46:40.000000001Z"), Instant.parse("2026-03-01T10:00:00.5Z"),
                Instant.parse("2286-11-20T17:46:40Z")};
        for (int i = 1; i < ordered.length; i++) {
            assertThat(Keys.timeKey(ordered[i - 1])).isLessThan(Keys.timeKey(ordered[i]));
        }
    }

    @Test
    void paddedNumbersSortNumerically() {
        assertThat(Keys.padded(9)).isLessThan(Keys.padded(10));
    }

    @Test
    void instantsBefore1970AreRefused() {
        assertThatThrownBy(() -> Keys.timeKey(Instant.parse("1969-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1970");
    }
}
