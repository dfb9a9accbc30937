package dev.rollgate.core.preflight;

import java.util.List;
import java.util.Objects;

/** Whether traffic may move, with every check behind the answer. */
public sealed interface PreflightVerdict {

    /** The message an unavailable verdict starts with, so operators and alarms can match it. */
    String UNAVAILABLE_MESSAGE = "policy service unavailable";

    List<CheckResult> checks();

    /** Whether traffic may move now. Only {@link Pass} says yes. */
    default boolean passed() {
        return this instanceof Pass;
    }

    /** Every check allowed the release. */
    record Pass(List<CheckResult> checks) implements PreflightVerdict {
        public Pass {
            checks = List.copyOf(checks);
        }
    }

    /** At least one check definitively refused the release; {@code reasons} has one line per refusing finding. */
    record Fail(List<String> reasons, List<CheckResult> checks) implements PreflightVerdict {
        public Fail {
            reasons = List.copyOf(reasons);
            checks = List.copyOf(checks);
        }
    }

    /** Nothing refused, but some check requires a human decision (REQUIRE_HUMAN / REQUIRE_APPROVAL). */
    record NeedsApproval(List<String> reasons, List<CheckResult> checks) implements PreflightVerdict {
        public NeedsApproval {
            reasons = List.copyOf(reasons);
            checks = List.copyOf(checks);
        }
    }

    /**
     * The policy service could not answer, so the gate stays closed (fail closed).
     *
     * @param cause what went wrong, without secrets
     */
    record Unavailable(String cause, List<CheckResult> checks) implements PreflightVerdict {
        public Unavailable {
            Objects.requireNonNull(cause, "cause");
            checks = List.copyOf(checks);
        }

        public String message() {
            return UNAVAILABLE_MESSAGE + ": " + cause;
        }
    }
}
