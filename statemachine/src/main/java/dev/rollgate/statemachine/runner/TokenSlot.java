package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rendezvous between a {@code .waitForTaskToken} task and its callback. Whoever settles it first wins: a
 * callback (success or failure) or the runner closing it (timeout, execution end).
 */
final class TokenSlot {
    sealed interface Settlement permits Success, Failure, Closed {
    }

    record Success(JsonNode output) implements Settlement {
    }

    record Failure(ExecutionError error) implements Settlement {
    }

    record Closed() implements Settlement {
    }

    private final String token;
    private final Execution owner;
    private final AtomicReference<Settlement> settlement = new AtomicReference<>();
    private volatile Instant lastHeartbeat;

    TokenSlot(String token, Execution owner, Instant issuedAt) {
        this.token = token;
        this.owner = owner;
        this.lastHeartbeat = issuedAt;
    }

    String token() {
        return token;
    }

    Execution owner() {
        return owner;
    }

    /** True when this call settled the slot; false when it was settled before. */
    boolean settle(Settlement value) {
        return settlement.compareAndSet(null, value);
    }

    boolean isOpen() {
        return settlement.get() == null;
    }

    Optional<Settlement> settlement() {
        return Optional.ofNullable(settlement.get());
    }

    void heartbeat(Instant at) {
        lastHeartbeat = at;
    }

    Instant lastHeartbeat() {
        return lastHeartbeat;
    }
}
