package dev.rollgate.core.operations;

import java.util.Objects;

/** What asking the workflow for an operator action did. */
public sealed interface ControlOutcome {
    /** The workflow took the request; the rollout's history shows what it does with it. */
    record Accepted() implements ControlOutcome {
    }

    /** The workflow refused the request, e.g. the rollout already ended or the stage was never reached. */
    record Refused(String reason) implements ControlOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
