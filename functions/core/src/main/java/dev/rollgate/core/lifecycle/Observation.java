package dev.rollgate.core.lifecycle;

import java.util.List;
import java.util.Objects;

/**
 * Something that happened to a rollout, fed to {@link RolloutLifecycle#next}. Observations carry facts, never
 * times: the caller passes {@code now} beside them, so a recorded history of (observation, now) pairs replays to
 * the same states.
 */
public sealed interface Observation {

    /** The reason code used when this observation arrives in a state where it does not apply. */
    ReasonCode ignoredAs();

    /** Cordum policy simulation and workflow dry-run passed. */
    record PreflightPassed() implements Observation {
        @Override
        public ReasonCode ignoredAs() {
            return ReasonCode.IGNORED_PREFLIGHT_RESULT;
        }
    }

    /** The preflight failed (a DENY, a dry-run ERROR step, or Cordum unreachable: fail closed). */
    record PreflightFailed(String cause) implements Observation {
        public PreflightFailed {
            Checks.text(cause, "cause");
        }

        @Override
        public ReasonCode ignoredAs() {
            return ReasonCode.IGNORED_PREFLIGHT_RESULT;
        }
    }

    /** The preflight cannot decide alone (for example a REQUIRE_APPROVAL decision); a human must. */
    record PreflightNeedsApproval(String cause) implements Observation {
        public PreflightNeedsApproval {
            Checks.text(cause, "cause");
        }

        @Override
        public ReasonCode ignoredAs() {
            return ReasonCode.IGNORED_PREFLIGHT_RESULT;
        }
    }

    /**
     * The evaluation of one stage.
     *
     * @param stageIndex  the stage that was judged; a verdict for another stage than the current one is stale
     * @param outcome     what the evaluation recommends
     * @param score       the judge's score, 0..100
     * @param reasonCodes the judge's own per-metric reason codes, kept for the event history
     */
    record JudgeVerdict(int stageIndex, VerdictOutcome outcome, double score, List<String> reasonCodes)
            implements Observation {
        public JudgeVerdict {
            Checks.notNegative(stageIndex, "stageIndex");
            Objects.requireNonNull(outcome, "outcome");
            if (!(score >= 0 && score <= 100)) {
                throw new IllegalArgumentException("score must be within 0..100, was " + score);
            }
            reasonCodes = List.copyOf(reasonCodes);
        }

        @Override
        public ReasonCode ignoredAs() {
            return ReasonCode.IGNORED_VERDICT;
        }
    }

    /** Time passed: minimum durations, pauses and the bake are checked against {@code now}. */
    record Tick() implements Observation {
        @Override
        public ReasonCode ignoredAs() {
            return ReasonCode.IGNORED_TICK;
        }
    }

    /** A human approved or rejected the pending approval request. */
    record ApprovalDecision(boolean approved, String decidedBy, String note) implements Observation {
        public ApprovalDecision {
            Checks.text(decidedBy, "decidedBy");
            Objects.requireNonNull(note, "note");
        }

        @Override
        public ReasonCode ignoredAs() {
            return ReasonCode.IGNORED_APPROVAL_DECISION;
        }
    }

    /** The pending approval passed its deadline; it resolves as rejected (DESIGN.md section 3). */
    record ApprovalTimedOut() implements Observation {
        @Override
        public ReasonCode ignoredAs() {
            return ReasonCode.IGNORED_APPROVAL_TIMEOUT;
        }
    }

    /** A rollback trigger fired for the current stage. */
    record TriggerFired(TriggerCode trigger, String detail) implements Observation {
        public TriggerFired {
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public ReasonCode ignoredAs() {
            return ReasonCode.IGNORED_TRIGGER;
        }
    }

    /** The traffic driver reports that the candidate now serves {@code weight} percent. */
    record TrafficShiftConfirmed(int weight) implements Observation {
        public TrafficShiftConfirmed {
            Checks.percent(weight, "weight");
        }

        @Override
        public ReasonCode ignoredAs() {
            return ReasonCode.IGNORED_TRAFFIC_SHIFT;
        }
    }

    /** The traffic driver reports that all traffic is back on the baseline. */
    record RollbackCompleted() implements Observation {
        @Override
        public ReasonCode ignoredAs() {
            return ReasonCode.IGNORED_ROLLBACK_COMPLETED;
        }
    }

    /** The workflow's bake wait ended. Accepted only once the full stage's minimum duration has really passed. */
    record BakeFinished() implements Observation {
        @Override
        public ReasonCode ignoredAs() {
            return ReasonCode.IGNORED_BAKE_FINISHED;
        }
    }

    /** An operator stops the rollout; traffic goes back to the baseline and the rollout ends ABORTED. */
    record AbortRequested(String requestedBy, String note) implements Observation {
        public AbortRequested {
            Checks.text(requestedBy, "requestedBy");
            Objects.requireNonNull(note, "note");
        }

        @Override
        public ReasonCode ignoredAs() {
            return ReasonCode.IGNORED_ABORT;
        }
    }

    /**
     * An operator reruns a ROLLED_BACK or FAILED rollout from a named stage (see {@link RolloutLifecycle} for
     * the rules).
     */
    record RerunRequested(String stageName, String requestedBy) implements Observation {
        public RerunRequested {
            Checks.text(stageName, "stageName");
            Checks.text(requestedBy, "requestedBy");
        }

        @Override
        public ReasonCode ignoredAs() {
            return ReasonCode.IGNORED_RERUN;
        }
    }
}
