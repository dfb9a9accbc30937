package dev.rollgate.core.policy;

import java.util.ArrayList;
import java.util.List;

/** Renders the resolved stage plan, one line per stage, as {@code rollgate policy explain} prints it. */
public final class PolicyExplainer {
    private PolicyExplainer() {
    }

    public static List<String> lines(RolloutPolicy policy) {
        List<String> out = new ArrayList<>();
        out.add("policy " + policy.name() + " (driver " + policy.driver().wireName() + ", "
                + policy.stages().size() + " stages)");
        int n = 1;
        for (Stage s : policy.stages()) {
            out.add(n++ + ". " + s.name() + " | " + s.type().wireName() + " | " + s.weight() + "% | min "
                    + minimum(s) + " | gates: " + gates(s) + " | rollback: " + rollback(policy, s)
                    + " | approval: " + approval(s));
        }
        return out;
    }

    public static String summary(RolloutPolicy policy) {
        StringBuilder weights = new StringBuilder();
        for (Stage s : policy.stages()) {
            if (weights.length() > 0) {
                weights.append(" -> ");
            }
            weights.append(s.name()).append(' ').append(s.weight()).append('%');
        }
        return "valid: policy " + policy.name() + ", driver " + policy.driver().wireName() + ", "
                + policy.stages().size() + " stages: " + weights;
    }

    private static String minimum(Stage s) {
        String base = PolicyFormat.duration(s.minDuration());
        if (s.pause().indefinite()) {
            return "pause until approved";
        }
        return s.pause().duration().filter(d -> !d.isZero()).map(d -> "pause " + PolicyFormat.duration(d))
                .orElse(s.type() == StageType.FULL ? "bake " + base : base);
    }

    private static String gates(Stage s) {
        String gate = s.gate().describe();
        if (s.gate().judgeScore()) {
            Analysis a = s.analysis();
            gate = gate.replace("judge score", "judge score >= " + PolicyFormat.number(a.score().pass())
                    + " (marginal >= " + PolicyFormat.number(a.score().marginal()) + ") with >= "
                    + a.minDataPointsPerMetric() + " points/metric every " + PolicyFormat.duration(a.interval()));
        }
        return gate.isEmpty() ? "none" : gate;
    }

    /**
     * The stage's own triggers, then the policy's custom-metric triggers: absolute thresholds on every stage, and
     * the canary-against-baseline test of judged count families where a baseline still takes traffic.
     */
    private static String rollback(RolloutPolicy policy, Stage s) {
        List<String> parts = new ArrayList<>(List.of(s.triggers().describe()));
        for (CustomMetricSpec family : policy.customMetrics()) {
            String measure = family.name() + (family.kind() == CustomMetricSpec.Kind.COUNT ? " rate" : " mean");
            family.rollbackAbove().ifPresent(t -> parts.add(measure + " > " + PolicyFormat.number(t)));
            family.rollbackBelow().ifPresent(t -> parts.add(measure + " < " + PolicyFormat.number(t)));
            if (family.kind() == CustomMetricSpec.Kind.COUNT && s.weight() < 100) {
                policy.metrics().stream().filter(m -> m.name().equals(family.name())).findFirst()
                        .ifPresent(m -> parts.add(family.name() + " rate against baseline beyond allowed effect "
                                + PolicyFormat.number(m.allowedEffect()) + " (" + m.direction().wireName() + ")"));
            }
        }
        return String.join(", ", parts);
    }

    private static String approval(Stage s) {
        if (s.pause().indefinite()) {
            return "required (indefinite pause)";
        }
        return switch (s.approval()) {
            case ALWAYS -> "required";
            case ON_MARGINAL -> "on marginal score";
            case NEVER -> "never";
        };
    }
}
