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
                    + minimum(s) + " | gates: " + gates(s) + " | rollback: " + s.triggers().describe()
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
