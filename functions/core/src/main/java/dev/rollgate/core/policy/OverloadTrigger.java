package dev.rollgate.core.policy;

import java.time.Duration;
import java.util.List;

/**
 * Rollback when any of the named scheduler reason codes is seen on the canary in every window for at least
 * {@code sustainedFor}.
 */
public record OverloadTrigger(List<String> reasonCodes, Duration sustainedFor) {
    public static final List<String> DEFAULT_CODES = List.of("pool_overloaded", "no_workers");

    public OverloadTrigger {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
