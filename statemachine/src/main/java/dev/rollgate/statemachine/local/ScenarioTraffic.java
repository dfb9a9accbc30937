package dev.rollgate.statemachine.local;

import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowRouting;
import dev.rollgate.core.metrics.WindowWriter;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioGenerator;
import dev.rollgate.core.simulation.ScenarioSpec;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.workflow.IngestOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The traffic simulator of the sandbox and the scenario tests: for every rollout it follows, it sends one baseline
 * and one candidate metric window per virtual minute through the real ingest path (JSON, validation, routing,
 * idempotent storage), while the rollout exposes the candidate. The candidate's windows are labelled shadow while
 * the rollout is in its shadow stage.
 */
public final class ScenarioTraffic {
    private static final int CHUNK_MINUTES = 360;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /**
     * How one rollout's candidate behaves.
     *
     * @param scenario            the candidate's behaviour once {@code fromStage} is reached (healthy before it)
     * @param fromStage           the stage index from which the scenario applies
     * @param incidentDuringBake  report a critical incident in the candidate's windows while the full stage bakes
     * @param sustainedOverload   from {@code fromStage} on, every candidate window reports the overload reason code
     *                            {@code pool_overloaded} (the scheduler's signal of a pool that cannot keep up)
     */
    public record Behaviour(Scenario scenario, int fromStage, boolean incidentDuringBake, boolean sustainedOverload) {
        public static Behaviour of(Scenario scenario) {
            return new Behaviour(scenario, 0, false, false);
        }

        public static Behaviour from(Scenario scenario, int stage) {
            return new Behaviour(scenario, stage, false, false);
        }
    }

    private record Feed(String tenant, Behaviour behaviour, long seed, Instant start) {
    }

    private final LocalRollgate rollgate;
    private final WindowWriter writer = new WindowWriter();
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<String, List<MetricWindow>> chunks = new ConcurrentHashMap<>();
    private final Map<String, Instant> regressionStarts = new ConcurrentHashMap<>();

    public ScenarioTraffic(LocalRollgate rollgate) {
        this.rollgate = rollgate;
    }

    public void follow(String rolloutId, String tenant, Behaviour behaviour, long seed) {
        feeds.putIfAbsent(rolloutId, new Feed(tenant, behaviour, seed, rollgate.now()));
    }

    public void unfollow(String rolloutId) {
        feeds.remove(rolloutId);
        chunks.keySet().removeIf(k -> k.startsWith(rolloutId + "#"));
        regressionStarts.remove(rolloutId);
    }

    /** Moves virtual time forward minute by minute, sending each minute's windows before the clock passes it. */
    public void run(Duration total) {
        long minutes = total.toMinutes();
        for (long i = 0; i < minutes; i++) {
            Instant minuteStart = rollgate.now();
            rollgate.runner().advanceBy(MINUTE);
            rollgate.deliverHooks();
            feedMinute(minuteStart);
        }
    }

    /** Runs until every followed rollout is terminal or {@code limit} has passed; returns the time used. */
    public Duration runUntilSettled(Duration limit) {
        Instant begin = rollgate.now();
        while (Duration.between(begin, rollgate.now()).compareTo(limit) < 0 && !allTerminal()) {
            run(MINUTE);
        }
        return Duration.between(begin, rollgate.now());
    }

    public boolean allTerminal() {
        return feeds.keySet().stream().map(id -> rollgate.stores().rollouts().get(id))
                .allMatch(r -> r.map(x -> x.state().status().isTerminal()).orElse(true));
    }

    /** Sends the windows that started at {@code minuteStart} for every followed rollout exposing its candidate. */
    public void feedMinute(Instant minuteStart) {
        feeds.forEach((rolloutId, feed) -> rollgate.stores().rollouts().get(rolloutId)
                .ifPresent(rollout -> feed(rollout, feed, minuteStart)));
    }

    private void feed(Rollout rollout, Feed feed, Instant minuteStart) {
        RolloutStatus status = rollout.state().status();
        if (status == RolloutStatus.PENDING || status.isTerminal() || minuteStart.isBefore(feed.start())) {
            return;
        }
        boolean regressed = rollout.state().stageIndex() >= feed.behaviour().fromStage();
        // A scenario that begins at a later stage plays from its own minute 0 there, so its effects (drifts,
        // bursts) happen while that stage is observed rather than before it.
        Instant origin = regressed && feed.behaviour().fromStage() > 0
                ? regressionStarts.computeIfAbsent(rollout.id(), k -> minuteStart) : feed.start();
        long minute = Duration.between(origin, minuteStart).toMinutes();
        Scenario scenario = regressed ? feed.behaviour().scenario()
                : (feed.behaviour().scenario() == Scenario.LOW_TRAFFIC ? Scenario.LOW_TRAFFIC : Scenario.HEALTHY);
        List<MetricWindow> chunk = chunk(rollout.id(), scenario, feed, origin, minute / CHUNK_MINUTES);
        int offset = (int) (minute % CHUNK_MINUTES) * 2;
        Variant candidate = status == RolloutStatus.SHADOW ? Variant.SHADOW : Variant.CANARY;
        boolean incident = feed.behaviour().incidentDuringBake() && status == RolloutStatus.BAKING;
        boolean overload = feed.behaviour().sustainedOverload() && regressed;
        for (MetricWindow w : chunk.subList(offset, offset + 2)) {
            MetricWindow routed = w.variant() == Variant.BASELINE ? relabel(w, Variant.BASELINE, minuteStart,
                    rollout.id(), 0, false) : relabel(w, candidate, minuteStart, rollout.id(), incident ? 1 : 0, overload);
            IngestOutcome outcome = rollgate.ingestWindow(feed.tenant(), writer.toJson(routed), rollgate.now());
            if (outcome instanceof IngestOutcome.Rejected rejected) {
                throw new IllegalStateException("simulated window rejected: " + rejected.message());
            }
        }
    }

    private List<MetricWindow> chunk(String rolloutId, Scenario scenario, Feed feed, Instant origin, long index) {
        return chunks.computeIfAbsent(rolloutId + "#" + scenario + "#" + origin + "#" + index,
                k -> ScenarioGenerator.generate(ScenarioSpec.of(scenario, feed.seed() + index * 7919, origin.plus(Duration.ofMinutes(
                        index * CHUNK_MINUTES))).withMinutes(CHUNK_MINUTES)));
    }

    private static MetricWindow relabel(MetricWindow w, Variant variant, Instant start, String rolloutId,
                                        long incidents, boolean overload) {
        Map<String, Long> codes = w.reasonCodes();
        if (overload) {
            codes = new java.util.HashMap<>(codes);
            codes.merge("pool_overloaded", Math.max(1, w.requests() / 10), Long::sum);
        }
        return new MetricWindow(variant, start, w.windowSeconds(), w.requests(), w.errors(), w.latencyMs(),
                w.policyEvaluations(), w.policyDenies(), w.safetyDenies(), w.parseFailures(), w.schemaViolations(),
                w.approvalBacklog(), codes, w.criticalIncidents() + incidents, w.custom(),
                new WindowRouting(Optional.empty(), Optional.empty(), Optional.of(rolloutId)));
    }
}
