package dev.rollgate.core.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fake {@link RolloutControl} that records every request and accepts it. */
public final class InMemoryRolloutControl implements RolloutControl {
    /** One recorded request; {@code stageName} is empty for an abort. */
    public record Request(String action, String rolloutId, Optional<String> stageName, String operator,
                          String reason, Instant at) {
    }

    private final List<Request> requests = new ArrayList<>();

    @Override
    public synchronized ControlOutcome abort(String rolloutId, String operator, String reason, Instant now) {
        requests.add(new Request("abort", rolloutId, Optional.empty(), operator, reason, now));
        return new ControlOutcome.Accepted();
    }

    @Override
    public synchronized ControlOutcome rerunFromStage(String rolloutId, String stageName, String operator,
                                                      String reason, Instant now) {
        requests.add(new Request("rerun", rolloutId, Optional.of(stageName), operator, reason, now));
        return new ControlOutcome.Accepted();
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }
}
