package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An in-process stand-in for a Task state's resource. It receives the task's effective input (after InputPath and
 * Parameters) and returns the task result, or throws {@link TaskFailure}. For a {@code .waitForTaskToken} task the
 * returned value is ignored: the task completes when someone calls
 * {@link WorkflowRunner#sendTaskSuccess(String, String)} or {@link WorkflowRunner#sendTaskFailure} with the token,
 * which the definition passes in through {@code $$.Task.Token}.
 */
@FunctionalInterface
public interface TaskHandler {
    JsonNode handle(JsonNode effectiveInput);
}
