package dev.rollgate.statemachine.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry binding Task resources to in-process handlers. The key is the Task's Resource after substitution
 * (for example a Lambda function ARN), or, for the {@code arn:aws:states:::lambda:invoke} integration, the
 * FunctionName parameter.
 */
public final class TaskHandlers {
    private final Map<String, TaskHandler> handlers;

    private TaskHandlers(Map<String, TaskHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<TaskHandler> find(String key) {
        return Optional.ofNullable(handlers.get(key));
    }

    public static final class Builder {
        private final Map<String, TaskHandler> handlers = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder bind(String resourceOrFunctionName, TaskHandler handler) {
            Objects.requireNonNull(resourceOrFunctionName, "resourceOrFunctionName");
            Objects.requireNonNull(handler, "handler");
            if (handlers.putIfAbsent(resourceOrFunctionName, handler) != null) {
                throw new IllegalArgumentException("a handler is already bound to '" + resourceOrFunctionName + "'");
            }
            return this;
        }

        public TaskHandlers build() {
            return new TaskHandlers(handlers);
        }
    }
}
