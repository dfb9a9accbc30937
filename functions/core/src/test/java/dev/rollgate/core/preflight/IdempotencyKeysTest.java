package dev.rollgate.core.preflight;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeysTest {

    @Test
    void theSameRolloutAndStageAlwaysGiveTheSameKey() {
        assertThat(IdempotencyKeys.forRunStart("ro-1", "canary")).isEqualTo(IdempotencyKeys.forRunStart("ro-1", "canary"))
                .startsWith("rollgate-run-").hasSize("rollgate-run-".length() + 40);
    }

    @Test
    void otherRolloutsOrStagesGiveOtherKeys() {
        assertThat(IdempotencyKeys.forRunStart("ro-1", "canary")).isNotEqualTo(IdempotencyKeys.forRunStart("ro-2", "canary"))
                .isNotEqualTo(IdempotencyKeys.forRunStart("ro-1", "full"));
        assertThat(IdempotencyKeys.forRunStart("a|b", "c")).isNotEqualTo(IdempotencyKeys.forRunStart("a", "b|c"));
    }

    @Test
    void blankPartsAreRejected() {
        assertThatThrownBy(() -> IdempotencyKeys.forRunStart(" ", "canary"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rolloutId");
    }
}
