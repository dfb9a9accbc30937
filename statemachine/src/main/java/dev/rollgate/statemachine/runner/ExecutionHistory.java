package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The append-only event list of one execution; written under the execution's lock, read from any thread. */
final class ExecutionHistory {
    private final List<ExecutionEvent> events = new ArrayList<>();

    synchronized void record(Instant at, ExecutionEventType type, String stateName, JsonNode details) {
        events.add(new ExecutionEvent(events.size() + 1L, at, type, Optional.ofNullable(stateName), details));
    }

    synchronized List<ExecutionEvent> snapshot() {
        return List.copyOf(events);
    }

    static ObjectNode details(String field, JsonNode value) {
        ObjectNode node = Json.object();
        node.set(field, value == null ? Json.NODES.nullNode() : value.deepCopy());
        return node;
    }
}
