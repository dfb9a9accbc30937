package dev.rollgate.core.policy.parse;

import dev.rollgate.core.policy.ScoreThresholds;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code rollout_gates} block (the snake_case shape users already write) into {@link GateDefaults}.
 */
final class GatesBlockReader {
    static final Set<String> KEYS = Set.of("min_data_points_per_metric", "canary_lifetime_hours",
            "metric_interval_hours", "score", "rollback_triggers", "bake_hours", "shadow_hours");

    private GatesBlockReader() {
    }

    static GateDefaults read(Optional<PolicyNode> block) {
        GateDefaults documented = GateDefaults.documented();
        if (block.isEmpty()) {
            return documented;
        }
        return block.get().mapping(KEYS).map(f -> {
            Duration interval = f.get("metric_interval_hours").flatMap(PolicyNode::hours)
                    .orElse(documented.metricInterval());
            GateDefaults base = new GateDefaults(
                    f.get("min_data_points_per_metric").flatMap(n -> n.integer(1, 1_000_000))
                            .orElse(documented.minDataPoints()),
                    f.get("canary_lifetime_hours").flatMap(PolicyNode::hours).orElse(documented.canaryLifetime()),
                    interval,
                    f.get("score").flatMap(GatesBlockReader::score).orElse(documented.score()),
                    documented.maxErrorRateRatio(), documented.maxPolicyDenyRate(), documented.overloadCodes(),
                    documented.overloadSustainedFor(), documented.maxApprovalBacklog(),
                    documented.maxParseFailureRatio(), documented.maxSafetyDenyRatio(), documented.alpha(),
                    f.get("bake_hours").flatMap(PolicyNode::hours).orElse(documented.bake()),
                    f.get("shadow_hours").flatMap(PolicyNode::hours).orElse(interval));
            if (base.metricInterval().compareTo(base.canaryLifetime()) > 0) {
                f.owner().errors().add(f.get("metric_interval_hours").orElse(f.owner()),
                        "metric_interval_hours must not exceed canary_lifetime_hours");
            }
            return f.get("rollback_triggers").map(TriggerValues::read).orElse(TriggerValues.NONE).over(base);
        }).orElse(documented);
    }

    /** {@code score: {pass: 95, marginal: 75}}; pass below marginal is an error, never reordered. */
    static Optional<ScoreThresholds> score(PolicyNode node) {
        return node.mapping(Set.of("pass", "marginal")).flatMap(f -> {
            Optional<Double> pass = f.require("pass").flatMap(n -> n.number(0, false, 100));
            Optional<Double> marginal = f.require("marginal").flatMap(n -> n.number(0, false, 100));
            if (pass.isEmpty() || marginal.isEmpty()) {
                return Optional.empty();
            }
            if (pass.get() < marginal.get()) {
                node.errors().add(f.get("pass").orElse(node), "pass (" + fmt(pass.get())
                        + ") must not be below marginal (" + fmt(marginal.get()) + ")");
                return Optional.empty();
            }
            return Optional.of(new ScoreThresholds(pass.get(), marginal.get()));
        });
    }

    private static String fmt(double v) {
        return dev.rollgate.core.policy.PolicyFormat.number(v);
    }
}
