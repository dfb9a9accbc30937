package dev.rollgate.core.preflight;

import java.util.Objects;

/** The answer of {@link RerunGuard#claim}. */
public sealed interface RerunClaim {

    /** This caller is the first: it may ask the service for the rerun. */
    record Granted() implements RerunClaim {
    }

    /** An earlier attempt already started the rerun; this is its new run id. */
    record AlreadyStarted(String newRunId) implements RerunClaim {
        public AlreadyStarted {
            Objects.requireNonNull(newRunId, "newRunId");
        }
    }

    /**
     * An earlier attempt claimed the rerun but recorded no run id: it is still running, or it died after asking the
     * service. Starting another rerun could create a second run, so this caller must not.
     */
    record InFlight() implements RerunClaim {
    }
}
