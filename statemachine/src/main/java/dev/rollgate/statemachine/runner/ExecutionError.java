package dev.rollgate.statemachine.runner;

import java.util.Objects;

/** The ASL error name and cause an execution (or a task) failed with. */
public record ExecutionError(String error, String cause) {
    public ExecutionError {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(cause, "cause");
    }
}
