package dev.rollgate.perf.cost;

import dev.rollgate.statemachine.runner.ExecutionEvent;
import dev.rollgate.statemachine.runner.ExecutionEventType;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what Step Functions bills a Standard workflow for: one state transition for every state entered, and one
 * more for every retry of a task (the pricing page: "each retry will be charged as an additional state
 * transition"), read from the local runner's execution history.
 */
public final class StateTransitions {
    private StateTransitions() {
    }

    public static long billable(List<ExecutionEvent> history) {
        return history.stream().filter(StateTransitions::billed).count();
    }

    /** The billable transitions per state name, for the report (what dominates). */
    public static Map<String, Long> byState(List<ExecutionEvent> history) {
        Map<String, Long> counts = new TreeMap<>();
        history.stream().filter(StateTransitions::billed)
                .forEach(e -> counts.merge(e.stateName().orElse("(execution)"), 1L, Long::sum));
        return counts;
    }

    private static boolean billed(ExecutionEvent event) {
        return event.type() == ExecutionEventType.STATE_ENTERED
                || event.type() == ExecutionEventType.TASK_RETRY_SCHEDULED;
    }
}
