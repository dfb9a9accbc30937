package dev.rollgate.statemachine.local;

import dev.rollgate.core.traffic.AliasRouting;
import dev.rollgate.core.traffic.CodeDeployCanary;
import dev.rollgate.core.traffic.HookReportOutcome;
import dev.rollgate.core.traffic.HookStatus;
import dev.rollgate.core.traffic.LifecycleHookReporter;
import dev.rollgate.core.traffic.RefusalReason;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficDriver;
import dev.rollgate.core.traffic.TrafficTarget;
import dev.rollgate.core.traffic.TrafficWeights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * CodeDeploy for one agent alias, in memory, following the documented behaviour of a Lambda deployment
 * with a TimeBasedCanary config:
 * <ul>
 *   <li>BeforeAllowTraffic hook, then the canary percentage, then 100 % by itself once the interval has
 *       passed (no hook between the two shifts), then the AfterAllowTraffic hook;</li>
 *   <li>a hook must report within one hour, else the deployment fails; a failed deployment and a
 *       StopDeployment with rollback redeploy the last good version (candidate weight 0);</li>
 *   <li>no deployment starts while the alias is weighted; one deployment per deployment group at a time.</li>
 * </ul>
 * Time comes from the given clock (normally a {@link VirtualClock}); whatever fell due while the clock moved
 * (the shift to 100 %, a hook timeout) is applied at the virtual instant it fell due, on the next call or on
 * {@link #settle()}. Hook listeners are told about each new pending hook, outside the lock. Thread-safe.
 */
public final class LocalCodeDeploy implements TrafficDriver, LifecycleHookReporter {
    public static final Duration HOOK_TIME_LIMIT = Duration.ofHours(1);

    private final Clock clock;
    private final LocalAgentAlias alias;
    private final Map<String, Deployment> deployments = new LinkedHashMap<>();
    private final List<Consumer<PendingHook>> hookListeners = new CopyOnWriteArrayList<>();
    private final String idPrefix;
    private int sequence;
    private int hookSequence;

    public LocalCodeDeploy(Clock clock, LocalAgentAlias alias) {
        this(clock, alias, "LOCAL");
    }

    /** @param idPrefix distinguishes this alias's deployment and hook ids from other stand-ins' (letters, digits) */
    public LocalCodeDeploy(Clock clock, LocalAgentAlias alias, String idPrefix) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.alias = Objects.requireNonNull(alias, "alias");
        this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix");
    }

    public LocalAgentAlias alias() {
        return alias;
    }

    /** Called with every hook CodeDeploy starts waiting on, as CodeDeploy would invoke the hook function. */
    public void onHook(Consumer<PendingHook> listener) {
        hookListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Applies everything that fell due up to the clock's current instant. */
    public void settle() {
        List<PendingHook> started;
        synchronized (this) {
            started = settleLocked();
        }
        notifyListeners(started);
    }

    public List<PendingHook> pendingHooks() {
        settle();
        synchronized (this) {
            return deployments.values().stream().flatMap(d -> d.pendingHook.stream()).toList();
        }
    }

    public Optional<DeploymentView> deployment(String deploymentId) {
        settle();
        synchronized (this) {
            return Optional.ofNullable(deployments.get(deploymentId)).map(Deployment::view);
        }
    }

    /** The deployment started for a rollout stage in run {@code run} of the rollout, if any. */
    public Optional<DeploymentView> deploymentOf(String rolloutId, int run, int stageIndex) {
        settle();
        synchronized (this) {
            return findOf(rolloutId, run, stageIndex).map(Deployment::view);
        }
    }

    public List<DeploymentView> deployments() {
        settle();
        synchronized (this) {
            return deployments.values().stream().map(Deployment::view).toList();
        }
    }

    @Override
    public ShiftOutcome shift(TrafficTarget target, int stageIndex, int weight) {
        CodeDeployCanary canary = canaryOf(target);
        TrafficWeights.requirePercent(weight);
        if (weight == canary.canaryPercentage() && stageIndex != canary.canaryStageIndex()) {
            throw new IllegalArgumentException("rollout " + target.rolloutId() + ": the canary stage is "
                    + canary.canaryStageIndex() + ", not " + stageIndex);
        }
        if (weight == 100) {
            return promote(target);
        }
        List<PendingHook> started = new ArrayList<>();
        ShiftOutcome outcome;
        synchronized (this) {
            started.addAll(settleLocked());
            if (weight == 0) {
                int current = alias.routing().candidateWeight(target);
                outcome = current == 0 ? new ShiftOutcome.Unchanged(0) : new ShiftOutcome.Refused(
                        RefusalReason.WEIGHT_NOT_SUPPORTED, "CodeDeploy takes traffic back only by stopping the "
                        + "deployment with rollback: use restoreBaseline");
            } else if (weight != canary.canaryPercentage()) {
                outcome = new ShiftOutcome.Refused(RefusalReason.WEIGHT_NOT_SUPPORTED, "TimeBasedCanary knows "
                        + "only 0, " + canary.canaryPercentage() + " and 100 percent, not " + weight);
            } else {
                outcome = startCanary(target, canary, stageIndex, started);
            }
        }
        notifyListeners(started);
        return outcome;
    }

    @Override
    public ShiftOutcome restoreBaseline(TrafficTarget target) {
        CodeDeployCanary canary = canaryOf(target);
        List<PendingHook> started;
        ShiftOutcome outcome;
        synchronized (this) {
            started = settleLocked();
            Optional<Deployment> ours = findOf(target.rolloutId(), target.run(), canary.canaryStageIndex());
            Instant now = clock.instant();
            if (ours.isPresent() && ours.get().status.active()) {
                // StopDeployment with autoRollbackEnabled: CodeDeploy redeploys the last good version.
                ours.get().end(DeploymentStatus.STOPPED, now, "stopped with rollback");
                alias.route(AliasRouting.unweighted(target.baselineVersion()), now,
                        "rollback of " + ours.get().id + " redeployed " + target.baselineVersion());
                outcome = new ShiftOutcome.Shifted(0);
            } else if (alias.routing().equals(AliasRouting.unweighted(target.baselineVersion()))) {
                outcome = new ShiftOutcome.Unchanged(0);
            } else {
                // After a finished deployment there is nothing to stop: redeploy the baseline directly.
                alias.route(AliasRouting.unweighted(target.baselineVersion()), now,
                        "redeployed " + target.baselineVersion() + " after the deployment ended");
                outcome = new ShiftOutcome.Shifted(0);
            }
        }
        notifyListeners(started);
        return outcome;
    }

    @Override
    public ShiftOutcome promote(TrafficTarget target) {
        CodeDeployCanary canary = canaryOf(target);
        List<PendingHook> started;
        ShiftOutcome outcome;
        synchronized (this) {
            started = settleLocked();
            Optional<Deployment> ours = findOf(target.rolloutId(), target.run(), canary.canaryStageIndex());
            if (ours.isEmpty()) {
                outcome = new ShiftOutcome.Refused(RefusalReason.NO_DEPLOYMENT, "rollout " + target.rolloutId()
                        + " has no deployment to promote");
            } else {
                outcome = switch (ours.get().status) {
                    case BEFORE_ALLOW_TRAFFIC, CANARY -> new ShiftOutcome.Refused(
                            RefusalReason.AWAITING_CANARY_INTERVAL, "deployment " + ours.get().id + " is in "
                            + ours.get().status + "; TimeBasedCanary shifts to 100 % by itself after "
                            + canary.intervalMinutes() + " minutes");
                    case AFTER_ALLOW_TRAFFIC, SUCCEEDED -> new ShiftOutcome.Unchanged(100);
                    case FAILED, STOPPED -> new ShiftOutcome.Refused(RefusalReason.DEPLOYMENT_NOT_SUCCEEDED,
                            "deployment " + ours.get().id + " ended " + ours.get().status);
                };
            }
        }
        notifyListeners(started);
        return outcome;
    }

    @Override
    public int currentWeight(TrafficTarget target) {
        canaryOf(target);
        settle();
        return alias.routing().candidateWeight(target);
    }

    @Override
    public HookReportOutcome report(String deploymentId, String lifecycleEventHookExecutionId, HookStatus status) {
        List<PendingHook> started = new ArrayList<>();
        HookReportOutcome outcome;
        synchronized (this) {
            started.addAll(settleLocked());
            Deployment deployment = deployments.get(deploymentId);
            if (deployment == null) {
                throw new IllegalArgumentException("no local deployment " + deploymentId);
            }
            Optional<PendingHook> pending = deployment.pendingHook
                    .filter(h -> h.lifecycleEventHookExecutionId().equals(lifecycleEventHookExecutionId));
            if (pending.isEmpty()) {
                outcome = HookReportOutcome.ALREADY_COMPLETED;
            } else {
                deployment.hookReported(pending.get(), status, clock.instant(), started);
                outcome = HookReportOutcome.REPORTED;
            }
        }
        notifyListeners(started);
        return outcome;
    }

    private ShiftOutcome startCanary(TrafficTarget target, CodeDeployCanary canary, int stageIndex,
                                     List<PendingHook> started) {
        Optional<Deployment> existing = findOf(target.rolloutId(), target.run(), stageIndex);
        if (existing.isPresent()) {
            // A retried shift: never a second deployment.
            return existing.get().status.active() || existing.get().status == DeploymentStatus.SUCCEEDED
                    ? new ShiftOutcome.Unchanged(canary.canaryPercentage())
                    : new ShiftOutcome.Refused(RefusalReason.DEPLOYMENT_NOT_SUCCEEDED, "deployment "
                    + existing.get().id + " of this stage ended " + existing.get().status);
        }
        Optional<Deployment> running = deployments.values().stream()
                .filter(d -> d.status.active() && d.sameGroup(canary)).findFirst();
        if (running.isPresent()) {
            return new ShiftOutcome.Refused(RefusalReason.DEPLOYMENT_IN_PROGRESS, "deployment " + running.get().id
                    + " is still running in group " + canary.deploymentGroup());
        }
        if (alias.isWeighted()) {
            return new ShiftOutcome.Refused(RefusalReason.ALIAS_WEIGHTED, "alias " + alias.aliasName()
                    + " routes to " + alias.routing().describe() + "; CodeDeploy cannot start a deployment on a "
                    + "weighted alias");
        }
        sequence++;
        Deployment deployment = new Deployment(String.format("d-%s%05d", idPrefix, sequence), target, canary, stageIndex);
        deployments.put(deployment.id, deployment);
        deployment.beginHook(LifecycleEvent.BEFORE_ALLOW_TRAFFIC, clock.instant(), started);
        return new ShiftOutcome.Shifted(canary.canaryPercentage());
    }

    /** Applies due events in time order across all deployments; returns hooks that became pending. */
    private List<PendingHook> settleLocked() {
        List<PendingHook> started = new ArrayList<>();
        Instant now = clock.instant();
        while (true) {
            Deployment next = null;
            for (Deployment d : deployments.values()) {
                Optional<Instant> due = d.nextDue();
                if (due.isPresent() && !due.get().isAfter(now)
                        && (next == null || due.get().isBefore(next.nextDue().orElseThrow()))) {
                    next = d;
                }
            }
            if (next == null) {
                return started;
            }
            next.fireDue(started);
        }
    }

    /** One deployment per run of a rollout stage: a rerun (the next run) gets its own. */
    private Optional<Deployment> findOf(String rolloutId, int run, int stageIndex) {
        return deployments.values().stream().filter(d -> d.target.rolloutId().equals(rolloutId)
                && d.target.run() == run && d.stageIndex == stageIndex).findFirst();
    }

    private CodeDeployCanary canaryOf(TrafficTarget target) {
        alias.requireThisAlias(target);
        return target.requireCodeDeploy();
    }

    private void notifyListeners(List<PendingHook> started) {
        for (PendingHook hook : started) {
            for (Consumer<PendingHook> listener : hookListeners) {
                listener.accept(hook);
            }
        }
    }

    private String nextHookId() {
        hookSequence++;
        return String.format("hook-%s%05d", idPrefix, hookSequence);
    }

    /** One deployment's state machine; only touched under the enclosing instance's lock. */
    private final class Deployment {
        final String id;
        final TrafficTarget target;
        final CodeDeployCanary canary;
        final int stageIndex;
        final List<DeploymentView.Transition> transitions = new ArrayList<>();
        DeploymentStatus status;
        Optional<PendingHook> pendingHook = Optional.empty();
        Optional<Instant> canaryEndsAt = Optional.empty();

        Deployment(String id, TrafficTarget target, CodeDeployCanary canary, int stageIndex) {
            this.id = id;
            this.target = target;
            this.canary = canary;
            this.stageIndex = stageIndex;
        }

        boolean sameGroup(CodeDeployCanary other) {
            return canary.applicationName().equals(other.applicationName())
                    && canary.deploymentGroup().equals(other.deploymentGroup());
        }

        void beginHook(LifecycleEvent event, Instant at, List<PendingHook> started) {
            status = event == LifecycleEvent.BEFORE_ALLOW_TRAFFIC
                    ? DeploymentStatus.BEFORE_ALLOW_TRAFFIC : DeploymentStatus.AFTER_ALLOW_TRAFFIC;
            transitions.add(new DeploymentView.Transition(at, status, "waiting for the " + event + " hook"));
            String function = event == LifecycleEvent.BEFORE_ALLOW_TRAFFIC
                    ? canary.beforeAllowTrafficHook() : canary.afterAllowTrafficHook();
            PendingHook hook = new PendingHook(id, nextHookId(), event, function, target.rolloutId(),
                    at.plus(HOOK_TIME_LIMIT));
            pendingHook = Optional.of(hook);
            started.add(hook);
        }

        void hookReported(PendingHook hook, HookStatus verdict, Instant at, List<PendingHook> started) {
            pendingHook = Optional.empty();
            if (verdict == HookStatus.FAILED) {
                fail(at, hook.event() + " hook reported Failed");
            } else if (hook.event() == LifecycleEvent.BEFORE_ALLOW_TRAFFIC) {
                alias.route(AliasRouting.weighted(target.baselineVersion(), target.candidateVersion(),
                        canary.canaryPercentage()), at, id + " canary " + canary.canaryPercentage() + " %");
                status = DeploymentStatus.CANARY;
                canaryEndsAt = Optional.of(at.plus(Duration.ofMinutes(canary.intervalMinutes())));
                transitions.add(new DeploymentView.Transition(at, status, "BeforeAllowTraffic succeeded"));
            } else {
                end(DeploymentStatus.SUCCEEDED, at, "AfterAllowTraffic succeeded");
            }
        }

        Optional<Instant> nextDue() {
            if (status == DeploymentStatus.CANARY) {
                return canaryEndsAt;
            }
            return pendingHook.map(PendingHook::deadline);
        }

        void fireDue(List<PendingHook> started) {
            Instant at = nextDue().orElseThrow();
            if (status == DeploymentStatus.CANARY) {
                canaryEndsAt = Optional.empty();
                alias.route(AliasRouting.unweighted(target.candidateVersion()), at,
                        id + " interval over, 100 %");
                beginHook(LifecycleEvent.AFTER_ALLOW_TRAFFIC, at, started);
            } else {
                LifecycleEvent event = pendingHook.orElseThrow().event();
                pendingHook = Optional.empty();
                fail(at, event + " hook did not report within " + HOOK_TIME_LIMIT.toMinutes() + " minutes");
            }
        }

        void fail(Instant at, String reason) {
            end(DeploymentStatus.FAILED, at, reason);
            alias.route(AliasRouting.unweighted(target.baselineVersion()), at,
                    "rollback of " + id + " redeployed " + target.baselineVersion());
        }

        void end(DeploymentStatus finalStatus, Instant at, String reason) {
            status = finalStatus;
            pendingHook = Optional.empty();
            canaryEndsAt = Optional.empty();
            transitions.add(new DeploymentView.Transition(at, finalStatus, reason));
        }

        DeploymentView view() {
            return new DeploymentView(id, target.rolloutId(), stageIndex, canary.applicationName(),
                    canary.deploymentGroup(), canary.deploymentConfigName(), status, transitions);
        }
    }
}
