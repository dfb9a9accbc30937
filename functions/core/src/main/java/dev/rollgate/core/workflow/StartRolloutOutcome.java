package dev.rollgate.core.workflow;

import java.util.List;

/** What a start request did. */
public sealed interface StartRolloutOutcome {
    /** Started, or the same request was started before under this key ({@code replayed}). */
    record Started(String rolloutId, String executionId, boolean replayed) implements StartRolloutOutcome {
    }

    /** The key was used before for a different request. */
    record KeyConflict(String idempotencyKey) implements StartRolloutOutcome {
    }

    /** The request is malformed; each problem names its field. */
    record Invalid(List<String> problems) implements StartRolloutOutcome {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
