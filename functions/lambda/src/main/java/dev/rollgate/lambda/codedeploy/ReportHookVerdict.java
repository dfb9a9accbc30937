package dev.rollgate.lambda.codedeploy;

import dev.rollgate.core.traffic.HookReportOutcome;
import dev.rollgate.core.traffic.HookStatus;
import dev.rollgate.core.traffic.LifecycleHookReporter;

import java.time.Instant;
import java.util.Optional;

/**
 * A CodeDeploy hook: decide, then report within CodeDeploy's one-hour limit. When the verdict cannot be reached
 * the hook reports FAILED at once (fail closed) instead of leaving CodeDeploy waiting for an hour; reporting is
 * idempotent, so CodeDeploy's or Lambda's retries are harmless.
 */
public final class ReportHookVerdict {
    private final HookVerdicts verdicts;
    private final LifecycleHookReporter reporter;

    public ReportHookVerdict(HookVerdicts verdicts, LifecycleHookReporter reporter) {
        this.verdicts = verdicts;
        this.reporter = reporter;
    }

    public HookOutcome run(HookPhase phase, String deploymentId, String hookExecutionId, Instant now) {
        HookStatus status;
        Optional<String> failure;
        try {
            status = verdicts.verdict(phase, deploymentId, now);
            failure = Optional.empty();
        } catch (RuntimeException e) {
            status = HookStatus.FAILED;
            failure = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        HookReportOutcome report = reporter.report(deploymentId, hookExecutionId, status);
        return new HookOutcome(status, report, failure);
    }
}
