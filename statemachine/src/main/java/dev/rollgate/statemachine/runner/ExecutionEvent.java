package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One history entry: a sequence number (from 1), the virtual time, the kind, the state it belongs to (empty for
 * execution-level events) and details as JSON (input/output, error and cause, retry delay, ...).
 */
public record ExecutionEvent(long id, Instant timestamp, ExecutionEventType type, Optional<String> stateName,
                             JsonNode details) {
    public ExecutionEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stateName, "stateName");
        details = Objects.requireNonNull(details, "details").deepCopy();
    }

    @Override
    public JsonNode details() {
        return details.deepCopy();
    }
}
