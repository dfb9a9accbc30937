package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Observation.AbortRequested;
import dev.rollgate.core.lifecycle.Observation.ApprovalDecision;
import dev.rollgate.core.lifecycle.Observation.ApprovalTimedOut;
import dev.rollgate.core.lifecycle.Observation.BakeFinished;
import dev.rollgate.core.lifecycle.Observation.JudgeVerdict;
import dev.rollgate.core.lifecycle.Observation.PreflightFailed;
import dev.rollgate.core.lifecycle.Observation.PreflightNeedsApproval;
import dev.rollgate.core.lifecycle.Observation.PreflightPassed;
import dev.rollgate.core.lifecycle.Observation.RerunRequested;
import dev.rollgate.core.lifecycle.Observation.RollbackCompleted;
import dev.rollgate.core.lifecycle.Observation.Tick;
import dev.rollgate.core.lifecycle.Observation.TrafficShiftConfirmed;
import dev.rollgate.core.lifecycle.Observation.TriggerFired;

import java.util.List;

/** Short names for observations, so the tests read like the rollout's story. */
public final class ObservationFixture {
    private ObservationFixture() {
    }

    public static Observation preflightPassed() {
        return new PreflightPassed();
    }

    public static Observation preflightFailed() {
        return new PreflightFailed("policy simulation DENY for job.support.reply");
    }

    public static Observation preflightNeedsApproval() {
        return new PreflightNeedsApproval("policy simulation REQUIRE_APPROVAL for job.support.reply");
    }

    /** A judge PASS (score 97 with enough data points). */
    public static Observation promote(int stageIndex) {
        return new JudgeVerdict(stageIndex, VerdictOutcome.PROMOTE, 97, List.of("ALL_METRICS_PASS"));
    }

    /** A judge MARGINAL (score 80: between 75 and 94). */
    public static Observation marginal(int stageIndex) {
        return new JudgeVerdict(stageIndex, VerdictOutcome.HOLD, 80, List.of("LATENCY_P99_MARGINAL"));
    }

    /** A judge FAIL (score 60: below 75). */
    public static Observation failing(int stageIndex) {
        return new JudgeVerdict(stageIndex, VerdictOutcome.ROLLBACK, 60, List.of("ERROR_RATE_FAIL"));
    }

    /** A judge NO_DATA (fewer than 50 points per metric). */
    public static Observation noData(int stageIndex) {
        return new JudgeVerdict(stageIndex, VerdictOutcome.CONTINUE, 0, List.of("NO_DATA"));
    }

    public static Observation tick() {
        return new Tick();
    }

    public static Observation approve() {
        return new ApprovalDecision(true, "bob", "numbers look fine");
    }

    public static Observation reject() {
        return new ApprovalDecision(false, "bob", "latency too close to the limit");
    }

    public static Observation approvalTimedOut() {
        return new ApprovalTimedOut();
    }

    public static Observation trigger(TriggerCode code) {
        return new TriggerFired(code, "threshold crossed");
    }

    public static Observation trafficAt(int weight) {
        return new TrafficShiftConfirmed(weight);
    }

    public static Observation rollbackCompleted() {
        return new RollbackCompleted();
    }

    public static Observation bakeFinished() {
        return new BakeFinished();
    }

    public static Observation abort() {
        return new AbortRequested("carol", "wrong build");
    }

    public static Observation rerunFrom(String stageName) {
        return new RerunRequested(stageName, "carol");
    }
}
