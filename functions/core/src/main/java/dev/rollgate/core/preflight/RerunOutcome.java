package dev.rollgate.core.preflight;

import java.util.Objects;

/** What a guarded rerun-from-step did. */
public sealed interface RerunOutcome {

    /**
     * A rerun exists.
     *
     * @param newRunId the new run
     * @param repeated true when an earlier attempt had already started it
     */
    record Started(String newRunId, boolean repeated) implements RerunOutcome {
        public Started {
            Objects.requireNonNull(newRunId, "newRunId");
        }
    }

    /** An earlier attempt claimed the rerun and its outcome is not known: do not start another, look at the runs. */
    record InFlight() implements RerunOutcome {
    }

    /** The service refused (e.g. 400 RUN_NOT_RUNNABLE); no run was created and the claim was given back. */
    record Refused(int status, String code, String message) implements RerunOutcome {
    }

    /** The service could not be asked or did not answer; the claim is kept because a run may have been created. */
    record Unavailable(String cause) implements RerunOutcome {
    }
}
