package dev.rollgate.perf.cost;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rollgate.statemachine.runner.ExecutionEvent;
import dev.rollgate.statemachine.runner.ExecutionEventType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StateTransitionsTest {
    private static final Instant T = Instant.parse("2026-11-27T09:00:00Z");

    private static ExecutionEvent event(long id, ExecutionEventType type, String state) {
        return new ExecutionEvent(id, T, type, Optional.ofNullable(state), JsonNodeFactory.instance.objectNode());
    }

    private static final List<ExecutionEvent> HISTORY = List.of(
            event(1, ExecutionEventType.EXECUTION_STARTED, null),
            event(2, ExecutionEventType.STATE_ENTERED, "Preflight"),
            event(3, ExecutionEventType.TASK_SCHEDULED, "Preflight"),
            event(4, ExecutionEventType.TASK_FAILED, "Preflight"),
            event(5, ExecutionEventType.TASK_RETRY_SCHEDULED, "Preflight"),
            event(6, ExecutionEventType.TASK_SCHEDULED, "Preflight"),
            event(7, ExecutionEventType.TASK_SUCCEEDED, "Preflight"),
            event(8, ExecutionEventType.STATE_EXITED, "Preflight"),
            event(9, ExecutionEventType.STATE_ENTERED, "Route"),
            event(10, ExecutionEventType.STATE_EXITED, "Route"),
            event(11, ExecutionEventType.STATE_ENTERED, "Observe"),
            event(12, ExecutionEventType.WAIT_STARTED, "Observe"),
            event(13, ExecutionEventType.STATE_EXITED, "Observe"),
            event(14, ExecutionEventType.EXECUTION_SUCCEEDED, null));

    @Test
    void everyStateEnteredAndEveryRetryIsOneBillableTransition() {
        assertThat(StateTransitions.billable(HISTORY)).isEqualTo(4);
    }

    @Test
    void transitionsAreAttributedToTheirStates() {
        assertThat(StateTransitions.byState(HISTORY)).isEqualTo(Map.of("Preflight", 2L, "Route", 1L, "Observe", 1L));
    }

    @Test
    void anEmptyHistoryCostsNothing() {
        assertThat(StateTransitions.billable(List.of())).isZero();
    }
}
