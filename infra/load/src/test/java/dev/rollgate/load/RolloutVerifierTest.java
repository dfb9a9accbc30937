package dev.rollgate.load;

import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.HistoryEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The history checks of the rollout load run: they pass a clean history and catch gaps, repeats and losses. */
class RolloutVerifierTest {
    private static final Instant T = Instant.parse("2026-11-27T09:00:00Z");
    private final HistoryEntry created = HistoryEntry.of(T, "ROLLOUT_CREATED", "alice", "CREATED");
    private final HistoryEntry shifted = HistoryEntry.of(T.plusSeconds(60), "TRAFFIC_SHIFTED", "system:workflow",
            "TRAFFIC_SHIFT_CONFIRMED");

    @Test
    void historyMatchingTheWritesPasses() {
        List<HistoryEvent> stored = List.of(event(1, created), event(2, shifted));
        assertThat(RolloutVerifier.sequenceProblems(stored)).isEmpty();
        assertThat(RolloutVerifier.ledgerProblems(stored, List.of(created, shifted))).isEmpty();
    }

    @Test
    void aGapOrRepeatInTheSequenceIsCaught() {
        assertThat(RolloutVerifier.sequenceProblems(List.of(event(1, created), event(3, shifted)))).isNotEmpty();
        assertThat(RolloutVerifier.sequenceProblems(List.of(event(1, created), event(1, shifted)))).isNotEmpty();
    }

    @Test
    void aLostOrDoubledEventIsCaught() {
        assertThat(RolloutVerifier.ledgerProblems(List.of(event(1, created)), List.of(created, shifted)))
                .singleElement().asString().contains("1 events, the writes reported 2");
        assertThat(RolloutVerifier.ledgerProblems(List.of(event(1, created), event(2, shifted), event(3, shifted)),
                List.of(created, shifted))).isNotEmpty();
    }

    @Test
    void reasonCodesMustAppearInOrder() {
        List<HistoryEvent> stored = List.of(event(1, created), event(2, shifted));
        assertThat(RolloutVerifier.reasonProblems(stored, List.of("CREATED", "TRAFFIC_SHIFT"))).isEmpty();
        assertThat(RolloutVerifier.reasonProblems(stored, List.of("TRAFFIC_SHIFT", "CREATED"))).isNotEmpty();
    }

    private static HistoryEvent event(long sequence, HistoryEntry e) {
        return new HistoryEvent("r-1", sequence, e.at(), e.type(), e.actor(), e.reasonCode(), Map.of());
    }
}
