package dev.rollgate.statemachine.local;

import dev.rollgate.core.traffic.HookReportOutcome;
import dev.rollgate.core.traffic.HookStatus;
import dev.rollgate.core.traffic.LifecycleHookReporter;
import dev.rollgate.core.traffic.TrafficTarget;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * CodeDeploy for many agents at once: one {@link LocalCodeDeploy} per function alias, moving the same
 * {@link LocalAgentAlias} the alias driver would (so the candidate's weight reads the same either way). Hook
 * listeners registered here hear every stand-in's hooks. As a driver and a reporter it is CodeDeploy itself
 * without rollgate's adapter and guard in between; the scenario tests put the real adapter in front of it.
 */
public final class LocalCodeDeploys implements PerTargetTrafficDriver, LifecycleHookReporter {
    private final Clock clock;
    private final LocalAgentAliases aliases;
    private final Map<String, LocalCodeDeploy> byAlias = new ConcurrentHashMap<>();
    private final List<Consumer<PendingHook>> listeners = new CopyOnWriteArrayList<>();

    public LocalCodeDeploys(Clock clock, LocalAgentAliases aliases) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.aliases = Objects.requireNonNull(aliases, "aliases");
    }

    /** The stand-in for the target's alias, created (with the alias at its baseline) on first use. */
    @Override
    public LocalCodeDeploy of(TrafficTarget target) {
        LocalAgentAlias alias = aliases.of(target);
        return byAlias.computeIfAbsent(target.functionName() + ":" + target.aliasName(), k -> {
            LocalCodeDeploy created = new LocalCodeDeploy(clock, alias, "L" + (byAlias.size() + 1) + "X");
            created.onHook(hook -> listeners.forEach(l -> l.accept(hook)));
            return created;
        });
    }

    /** The agent aliases the stand-ins move (for an SDK-level stand-in of Lambda's alias API). */
    public LocalAgentAliases aliases() {
        return aliases;
    }

    public Clock clock() {
        return clock;
    }

    /** The stand-in that holds deployment {@code deploymentId}, if any. */
    public Optional<LocalCodeDeploy> holding(String deploymentId) {
        return byAlias.values().stream().filter(cd -> cd.deployment(deploymentId).isPresent()).findFirst();
    }

    public List<DeploymentView> deployments() {
        return byAlias.values().stream().flatMap(cd -> cd.deployments().stream()).toList();
    }

    public void onHook(Consumer<PendingHook> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Applies everything that fell due (interval ends, hook timeouts) in every stand-in. */
    public void settle() {
        byAlias.values().forEach(LocalCodeDeploy::settle);
    }

    @Override
    public HookReportOutcome report(String deploymentId, String lifecycleEventHookExecutionId, HookStatus status) {
        return holding(deploymentId).orElseThrow(() -> new IllegalArgumentException("no local deployment "
                + deploymentId)).report(deploymentId, lifecycleEventHookExecutionId, status);
    }
}
