package dev.rollgate.core.workflow;

import dev.rollgate.core.traffic.HookReportOutcome;

import java.util.Objects;
import java.util.Optional;

/**
 * One look at a CodeDeploy lifecycle hook: the decision and, when it was a verdict, what reporting it did.
 *
 * @param failure why the verdict could not be reached, when it could not (the hook then failed closed)
 */
public record HookRun(HookDecision decision, Optional<HookReportOutcome> report, Optional<String> failure) {
    public HookRun {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(failure, "failure");
    }

    public boolean pending() {
        return decision instanceof HookDecision.Pending;
    }
}
