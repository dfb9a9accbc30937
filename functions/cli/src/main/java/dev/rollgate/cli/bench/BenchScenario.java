package dev.rollgate.cli.bench;

import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioSpec;

import java.time.Instant;
import java.util.List;

/** One row of the benchmark: a scenario with its noise and how many seeded replicates it gets. */
record BenchScenario(String label, Scenario scenario, double phi, boolean healthyReplicates, boolean equalTraffic) {
    BenchScenario(String label, Scenario scenario, double phi, boolean healthyReplicates) {
        this(label, scenario, phi, healthyReplicates, false);
    }


    static List<BenchScenario> all() {
        return List.of(
                new BenchScenario("healthy, iid noise", Scenario.HEALTHY, 0.0, true),
                new BenchScenario("healthy, AR(1) phi 0.3", Scenario.HEALTHY, 0.3, true),
                new BenchScenario("healthy, AR(1) phi 0.6", Scenario.HEALTHY, 0.6, true),
                new BenchScenario("low traffic 20 req/min (healthy)", Scenario.LOW_TRAFFIC, 0.3, true),
                new BenchScenario("error rate 0.5% -> 1%", Scenario.ERROR_RATE_DOUBLED, 0.3, false),
                new BenchScenario("error rate 0.5% -> 1%, baseline also 600/min", Scenario.ERROR_RATE_DOUBLED, 0.3,
                        false, true),
                new BenchScenario("latency +20%, heavy tails", Scenario.LATENCY_PLUS_20, 0.3, false),
                new BenchScenario("latency +50%, heavy tails", Scenario.LATENCY_PLUS_50, 0.3, false),
                new BenchScenario("deny rate drift 1% -> 3%", Scenario.DENY_DRIFT, 0.3, false),
                new BenchScenario("overload reason-code bursts", Scenario.OVERLOAD_BURSTS, 0.3, false),
                new BenchScenario("marginal (p90 +7%, p99 +15%)", Scenario.MARGINAL, 0.3, false),
                new BenchScenario("eval score mean -0.05, errors/latency flat", Scenario.EVAL_SCORE_DROP, 0.3, false),
                new BenchScenario("tool-call rejections 0.5% -> 2%", Scenario.TOOL_CALL_REJECTIONS_RISE, 0.3, false),
                new BenchScenario("healthy, eval score 0.77 near its 0.75 floor", Scenario.EVAL_SCORE_NEAR_FLOOR,
                        0.3, true),
                new BenchScenario("eval score 0.82 -> 0.72, below its 0.75 floor", Scenario.EVAL_SCORE_BELOW_FLOOR,
                        0.3, false));
    }

    /**
     * The canary gets the scenario's rate (600/min, 20 for low traffic); the baseline gets the rest of the
     * traffic of a stage at {@code weightPercent} (5400/min at 10 %), as with weighted alias routing, unless the
     * row compares equal-sized groups.
     */
    ScenarioSpec spec(long seed, Instant start, int weightPercent) {
        // Every row carries the agent-quality families: the benchmark policy declares and judges them.
        ScenarioSpec spec = ScenarioSpec.of(scenario, seed, start).withPhi(phi).withAgentQuality(true);
        if (equalTraffic || weightPercent <= 0 || weightPercent >= 100) {
            return spec;
        }
        int canary = spec.canaryRequestsPerMinute();
        return spec.withRequests(canary * (100 - weightPercent) / weightPercent, canary);
    }
}
