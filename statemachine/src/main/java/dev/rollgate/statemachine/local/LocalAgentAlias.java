package dev.rollgate.statemachine.local;

import dev.rollgate.core.traffic.AliasPlan;
import dev.rollgate.core.traffic.AliasRouting;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficDriver;
import dev.rollgate.core.traffic.TrafficTarget;
import dev.rollgate.core.traffic.TrafficWeights;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One agent function alias held in memory, standing in for Lambda's alias with a routing config. As a
 * {@link TrafficDriver} it behaves like the {@code alias} driver; {@link LocalCodeDeploy} moves it too.
 * Every change is recorded with the virtual time it happened at. Thread-safe.
 */
public final class LocalAgentAlias implements TrafficDriver {

    /** One recorded change of the alias. */
    public record AliasChange(Instant at, AliasRouting routing, String cause) {
    }

    private final String functionName;
    private final String aliasName;
    private final Clock clock;
    private final List<AliasChange> history = new ArrayList<>();
    private AliasRouting routing;

    public LocalAgentAlias(String functionName, String aliasName, String initialVersion, Clock clock) {
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.aliasName = Objects.requireNonNull(aliasName, "aliasName");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.routing = AliasRouting.unweighted(initialVersion);
        history.add(new AliasChange(clock.instant(), routing, "created"));
    }

    public String functionName() {
        return functionName;
    }

    public String aliasName() {
        return aliasName;
    }

    public synchronized AliasRouting routing() {
        return routing;
    }

    public synchronized boolean isWeighted() {
        return routing.isWeighted();
    }

    /** Every change so far, oldest first, starting with the alias's creation. */
    public synchronized List<AliasChange> history() {
        return List.copyOf(history);
    }

    @Override
    public synchronized ShiftOutcome shift(TrafficTarget target, int stageIndex, int weight) {
        requireThisAlias(target);
        TrafficWeights.requirePercent(weight);
        return apply(AliasPlan.toWeight(target, routing, weight), "stage " + stageIndex + " weight " + weight);
    }

    @Override
    public synchronized ShiftOutcome restoreBaseline(TrafficTarget target) {
        requireThisAlias(target);
        return apply(AliasPlan.toBaseline(target, routing), "restore baseline");
    }

    @Override
    public synchronized ShiftOutcome promote(TrafficTarget target) {
        requireThisAlias(target);
        return apply(AliasPlan.toWeight(target, routing, 100), "promote");
    }

    @Override
    public synchronized int currentWeight(TrafficTarget target) {
        requireThisAlias(target);
        return routing.candidateWeight(target);
    }

    /** Sets the routing at the given virtual time; how CodeDeploy's traffic shifts reach the alias. */
    synchronized void route(AliasRouting next, Instant at, String cause) {
        if (!next.equals(routing)) {
            routing = next;
            history.add(new AliasChange(at, next, cause));
        }
    }

    private ShiftOutcome apply(AliasPlan plan, String cause) {
        if (plan instanceof AliasPlan.Apply change) {
            route(change.next(), clock.instant(), cause);
        }
        return plan.outcome();
    }

    void requireThisAlias(TrafficTarget target) {
        if (!target.functionName().equals(functionName) || !target.aliasName().equals(aliasName)) {
            throw new IllegalArgumentException("traffic target " + target.functionName() + ":" + target.aliasName()
                    + " is not the local alias " + functionName + ":" + aliasName);
        }
    }
}
