package dev.rollgate.core.traffic;

import java.util.Objects;

/**
 * What a traffic request did. Refusals are expected outcomes (the platform's rules said no); technical
 * failures are exceptions.
 */
public sealed interface ShiftOutcome {

    /** The candidate's traffic weight in percent after the request (for a refusal: unknown, so -1). */
    int weight();

    /** Traffic was moved (or, for CodeDeploy, the deployment that moves it was started or stopped). */
    record Shifted(int weight) implements ShiftOutcome {
        public Shifted {
            TrafficWeights.requirePercent(weight);
        }
    }

    /** Traffic already was where it was asked to be; nothing was changed. */
    record Unchanged(int weight) implements ShiftOutcome {
        public Unchanged {
            TrafficWeights.requirePercent(weight);
        }
    }

    /** The platform's rules forbid the request now; nothing was changed. */
    record Refused(RefusalReason reason, String message) implements ShiftOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public int weight() {
            return -1;
        }
    }
}
