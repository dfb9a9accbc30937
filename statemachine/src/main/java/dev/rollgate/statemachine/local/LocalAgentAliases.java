package dev.rollgate.statemachine.local;

import dev.rollgate.core.traffic.TrafficTarget;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The alias driver for many agents at once: one {@link LocalAgentAlias} per function and alias, created on first
 * use at the rollout's baseline version.
 */
public final class LocalAgentAliases implements PerTargetTrafficDriver {
    private final Clock clock;
    private final Map<String, LocalAgentAlias> aliases = new ConcurrentHashMap<>();

    public LocalAgentAliases(Clock clock) {
        this.clock = clock;
    }

    public Optional<LocalAgentAlias> alias(String functionName, String aliasName) {
        return Optional.ofNullable(aliases.get(functionName + ":" + aliasName));
    }

    /** The target's alias, created at the target's baseline version on first use (the agent's alias exists). */
    @Override
    public LocalAgentAlias of(TrafficTarget target) {
        return aliases.computeIfAbsent(target.functionName() + ":" + target.aliasName(),
                k -> new LocalAgentAlias(target.functionName(), target.aliasName(), target.baselineVersion(), clock));
    }
}
