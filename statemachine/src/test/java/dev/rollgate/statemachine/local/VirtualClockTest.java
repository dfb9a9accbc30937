package dev.rollgate.statemachine.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtualClockTest {
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-05T09:00:00Z"));

    @Test
    void movesOnlyWhenTold() {
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
        clock.advanceBy(Duration.ofMinutes(90));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-05T10:30:00Z"));
        clock.advanceTo(Instant.parse("2026-01-06T00:00:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2026-01-06T00:00:00Z").toEpochMilli());
    }

    @Test
    void neverGoesBack() {
        assertThatThrownBy(() -> clock.advanceBy(Duration.ofSeconds(-1))).hasMessageContaining("cannot go back");
        assertThatThrownBy(() -> clock.advanceTo(Instant.parse("2026-01-05T08:59:59Z")))
                .hasMessageContaining("cannot go back");
    }
}
