package dev.rollgate.core.approval;

import java.util.Objects;

/** What delivering a decision to the workflow did. */
public sealed interface CallbackOutcome {
    /** The workflow accepted the decision. */
    record Delivered() implements CallbackOutcome {
    }

    /**
     * The workflow no longer waits for this token (it timed out, was aborted, or the token was already used).
     * The stored decision stands; the workflow resolved the step on its own.
     */
    record NoLongerWaiting(String detail) implements CallbackOutcome {
        public NoLongerWaiting {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
