package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.Rollouts;
import dev.rollgate.core.traffic.DeploymentGuard;
import dev.rollgate.core.traffic.DeploymentOwner;
import dev.rollgate.core.traffic.HookReportOutcome;
import dev.rollgate.core.traffic.HookStatus;
import dev.rollgate.core.traffic.LifecycleHookReporter;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The CodeDeploy lifecycle hooks of the {@code codedeploy} driver. A hook knows only its deployment id; the
 * deployment guard's record maps it to the rollout stage it was started for, and the rollout's state decides:
 * <ul>
 *   <li>BeforeAllowTraffic is the preflight and shadow gate: it starts the rollout's preflight if the rollout is
 *       still PENDING (the same idempotent use case the workflow runs), reports Succeeded once the rollout has
 *       reached the deployment's stage, Failed once it is rolling back or has ended, and waits otherwise;</li>
 *   <li>AfterAllowTraffic is the post-promotion check: Succeeded once the rollout confirmed full traffic (it bakes
 *       or is promoted), Failed once it is rolling back or has ended otherwise, and waits while the canary is
 *       still being judged or waits for an approval.</li>
 * </ul>
 * Waiting is bounded by CodeDeploy's one-hour hook limit: a decision still pending {@link #DEADLINE_MARGIN}
 * before it reports Failed itself, so the deployment rolls back with rollgate's reason rather than a timeout.
 * <p>A deployment rollgate did not start (a team's SAM {@code DeploymentPreference} with rollgate's hooks added)
 * has no rollout, so no policy, preflight or judge to gate it: vouching for it would be failing open. After
 * {@link #RECORD_GRACE} (the driver records a deployment right after CreateDeployment returns, and the hook may
 * be invoked before that) such a hook reports Failed, naming why. So does the hook of a deployment an earlier run
 * started, once the rollout was rerun: its state then describes the new run. Technical failures (store
 * unreachable) also report Failed at once: fail closed.
 */
public final class LifecycleHookStep {
    public static final Duration HOOK_TIME_LIMIT = Duration.ofHours(1);
    public static final Duration DEADLINE_MARGIN = Duration.ofMinutes(5);
    public static final Duration RECORD_GRACE = Duration.ofMinutes(5);

    private final DeploymentGuard guard;
    private final Rollouts rollouts;
    private final Optional<PreflightStep> preflight;
    private final LifecycleHookReporter reporter;

    /**
     * @param preflight the preflight use case, where the hook may start it; empty where the hook only reads state
     *                  (the deployed hook functions: rollgate creates a deployment only after the workflow's own
     *                  preflight and shadow stage passed, so a PENDING owner is then just awaited)
     */
    public LifecycleHookStep(DeploymentGuard guard, Rollouts rollouts, Optional<PreflightStep> preflight,
                             LifecycleHookReporter reporter) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.rollouts = Objects.requireNonNull(rollouts, "rollouts");
        this.preflight = Objects.requireNonNull(preflight, "preflight");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    /**
     * Decides the hook and reports a verdict; a pending decision reports nothing.
     *
     * @param hookStartedAt when CodeDeploy started waiting on the hook (its first invocation), which the one-hour
     *                      limit counts from
     */
    public HookRun run(HookPhase phase, String deploymentId, String hookExecutionId, Instant hookStartedAt,
                       Instant now) {
        HookDecision decision;
        Optional<String> failure = Optional.empty();
        try {
            decision = decide(phase, deploymentId, hookStartedAt, now);
        } catch (RuntimeException e) {
            failure = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
            decision = new HookDecision.Report(HookStatus.FAILED, "the verdict could not be reached (fail closed)");
        }
        if (decision instanceof HookDecision.Report report) {
            HookReportOutcome outcome = reporter.report(deploymentId, hookExecutionId, report.status());
            return new HookRun(decision, Optional.of(outcome), failure);
        }
        return new HookRun(decision, Optional.empty(), failure);
    }

    /** The decision alone, without reporting. */
    public HookDecision decide(HookPhase phase, String deploymentId, Instant hookStartedAt, Instant now) {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Optional<DeploymentOwner> owner = guard.ownerOf(deploymentId);
        if (owner.isEmpty()) {
            if (now.isBefore(hookStartedAt.plus(RECORD_GRACE))) {
                return new HookDecision.Pending("deployment " + deploymentId + " is not recorded for a rollout (yet)");
            }
            return failed("deployment " + deploymentId + " was not started by rollgate: without a rollout there is "
                    + "no policy to gate it; start the release as a rollout with driver codedeploy");
        }
        Optional<Rollout> rollout = rollouts.get(owner.get().rolloutId());
        if (rollout.isEmpty()) {
            return failed("rollout " + owner.get().rolloutId() + " of deployment " + deploymentId + " does not exist");
        }
        Rollout current = rollout.get();
        if (owner.get().run() < current.state().run()) {
            // The rollout was rerun since: its state speaks for the new run's deployment, not this one.
            return failed("deployment " + deploymentId + " belongs to run " + owner.get().run() + " of rollout "
                    + current.id() + ", which is now in run " + current.state().run());
        }
        if (phase == HookPhase.BEFORE_ALLOW_TRAFFIC && current.state().status() == RolloutStatus.PENDING
                && preflight.isPresent()) {
            preflight.get().run(current.id(), now);
            current = rollouts.get(current.id()).orElseThrow(() -> new RolloutNotFoundException(owner.get().rolloutId()));
        }
        HookDecision decision = phase == HookPhase.BEFORE_ALLOW_TRAFFIC
                ? beforeAllowTraffic(current, owner.get()) : afterAllowTraffic(current, owner.get());
        if (decision instanceof HookDecision.Pending pending
                && !now.isBefore(hookStartedAt.plus(HOOK_TIME_LIMIT).minus(DEADLINE_MARGIN))) {
            return failed(pending.reason() + ", and the hook's hour is nearly over");
        }
        return decision;
    }

    private static HookDecision beforeAllowTraffic(Rollout rollout, DeploymentOwner owner) {
        RolloutStatus status = rollout.state().status();
        if (status.isTerminal() || status == RolloutStatus.ROLLING_BACK) {
            return failed("rollout " + rollout.id() + " is " + status + " (" + rollout.state().lastReason() + ")");
        }
        if (rollout.state().stageIndex() >= owner.stageIndex() && status != RolloutStatus.PENDING) {
            return new HookDecision.Report(HookStatus.SUCCEEDED, "rollout " + rollout.id()
                    + " passed its preflight and shadow gate and is at stage " + rollout.state().stageIndex());
        }
        return new HookDecision.Pending("rollout " + rollout.id() + " is " + status + " at stage "
                + rollout.state().stageIndex() + "; its preflight and shadow gate have not passed yet");
    }

    private static HookDecision afterAllowTraffic(Rollout rollout, DeploymentOwner owner) {
        RolloutStatus status = rollout.state().status();
        if (status == RolloutStatus.PROMOTED || status == RolloutStatus.BAKING
                && rollout.state().stageIndex() > owner.stageIndex()) {
            return new HookDecision.Report(HookStatus.SUCCEEDED, "rollout " + rollout.id()
                    + " confirmed full traffic (" + status + ")");
        }
        if (status.isTerminal() || status == RolloutStatus.ROLLING_BACK) {
            return failed("rollout " + rollout.id() + " is " + status + " (" + rollout.state().lastReason() + ")");
        }
        return new HookDecision.Pending("rollout " + rollout.id() + " is " + status + " at stage "
                + rollout.state().stageIndex() + "; the canary's promotion has not been confirmed yet");
    }

    private static HookDecision failed(String reason) {
        return new HookDecision.Report(HookStatus.FAILED, reason);
    }
}
