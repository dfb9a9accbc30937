package dev.rollgate.core.metrics;

import java.util.Objects;

/**
 * One problem with one input window.
 *
 * @param line    1-based line of the JSONL input (1 for a single event detail)
 * @param field   dotted path of the offending field, or {@code "$"} for the whole object
 * @param reason  what kind of problem (countable)
 * @param message what is wrong, for a human; never echoes the payload
 */
public record WindowRejection(int line, String field, RejectionReason reason, String message) {
    public WindowRejection {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "line " + line + ", " + field + ": " + reason.code() + " (" + message + ")";
    }
}
