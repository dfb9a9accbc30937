package dev.rollgate.standin;

import java.util.Set;

/** The run statuses Cordum reports, lowercase. */
final class RunStatuses {
    static final Set<String> ALL = Set.of("pending", "running", "waiting", "succeeded", "failed", "denied",
            "cancelled", "timed_out");
    static final Set<String> ACTIVE = Set.of("pending", "running", "waiting");

    private RunStatuses() {
    }
}
