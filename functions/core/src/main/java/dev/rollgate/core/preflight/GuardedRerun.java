package dev.rollgate.core.preflight;

import java.util.Objects;

/** Rerun-from-step with our own duplicate guard, since the control plane creates a new run on every call. */
public final class GuardedRerun {
    private final WorkflowRuns runs;
    private final RerunGuard guard;

    public GuardedRerun(WorkflowRuns runs, RerunGuard guard) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    public RerunOutcome rerun(String tenant, String rolloutId, String runId, String fromStep, boolean dryRun) {
        RerunClaim claim = guard.claim(rolloutId, runId, fromStep);
        if (claim instanceof RerunClaim.AlreadyStarted started) {
            return new RerunOutcome.Started(started.newRunId(), true);
        } else if (claim instanceof RerunClaim.InFlight) {
            return new RerunOutcome.InFlight();
        }
        CallOutcome<String> outcome = runs.rerun(tenant, runId, fromStep, dryRun);
        if (outcome instanceof CallOutcome.Done<String> done) {
            guard.recordNewRun(rolloutId, runId, fromStep, done.value());
            return new RerunOutcome.Started(done.value(), false);
        } else if (outcome instanceof CallOutcome.Refused<String> refused) {
            guard.release(rolloutId, runId, fromStep);
            return new RerunOutcome.Refused(refused.status(), refused.code(), refused.message());
        }
        return new RerunOutcome.Unavailable(((CallOutcome.Unavailable<String>) outcome).cause());
    }
}
