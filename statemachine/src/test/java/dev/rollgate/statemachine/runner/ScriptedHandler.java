package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A test handler that answers from a script, one step per call, and remembers each call's input and virtual time.
 * Running out of script fails the test loudly instead of inventing an answer.
 */
final class ScriptedHandler implements TaskHandler {
    record Call(Instant at, JsonNode input) {
    }

    private final Supplier<Instant> clock;
    private final Deque<Supplier<JsonNode>> script = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();

    ScriptedHandler(Supplier<Instant> clock) {
        this.clock = clock;
    }

    ScriptedHandler thenReturn(String json) {
        JsonNode value = AslFixture.json(json);
        script.add(() -> value);
        return this;
    }

    ScriptedHandler thenFail(String error, String cause) {
        script.add(() -> {
            throw new TaskFailure(error, cause);
        });
        return this;
    }

    ScriptedHandler thenFailTimes(int times, String error, String cause) {
        for (int i = 0; i < times; i++) {
            thenFail(error, cause);
        }
        return this;
    }

    ScriptedHandler thenThrow(RuntimeException exception) {
        script.add(() -> {
            throw exception;
        });
        return this;
    }

    @Override
    public synchronized JsonNode handle(JsonNode effectiveInput) {
        calls.add(new Call(clock.get(), effectiveInput));
        Supplier<JsonNode> next = script.poll();
        if (next == null) {
            throw new AssertionError("the handler was called more often than scripted");
        }
        return next.get();
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Instant> callTimes() {
        return calls.stream().map(Call::at).toList();
    }
}
