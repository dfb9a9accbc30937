package dev.rollgate.core.policy.parse;

import dev.rollgate.core.policy.Analysis;
import dev.rollgate.core.policy.ApprovalMode;
import dev.rollgate.core.policy.OverloadTrigger;
import dev.rollgate.core.policy.Pause;
import dev.rollgate.core.policy.PromotionGate;
import dev.rollgate.core.policy.RollbackTriggers;
import dev.rollgate.core.policy.ScoreThresholds;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.policy.StageType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an explicit {@code stages:} list. Each stage starts from the policy-wide gate values and the gates and
 * triggers its type gets by default; keys given on the stage win.
 */
final class ExplicitStagesReader {
    static final Set<String> KEYS = Set.of("name", "type", "weight", "duration", "pause", "interval",
            "min_data_points_per_metric", "score", "gates", "rollback_triggers", "approval");
    private static final Set<String> GATE_KEYS = Set.of("preflight", "judge_score", "stable_latency",
            "max_policy_deny_rate", "no_critical_incident");

    private ExplicitStagesReader() {
    }

    static Optional<List<Stage>> read(PolicyNode stagesNode, GateDefaults g) {
        Optional<List<PolicyNode>> items = stagesNode.sequence();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            stagesNode.errors().add(stagesNode, "the stages list is empty; give at least one stage");
            return Optional.empty();
        }
        int errorsBefore = stagesNode.errors().size();
        List<Stage> stages = new ArrayList<>();
        for (PolicyNode item : items.get()) {
            item.mapping(KEYS).flatMap(f -> stage(f, g)).ifPresent(stages::add);
        }
        return stagesNode.errors().size() > errorsBefore ? Optional.empty() : Optional.of(stages);
    }

    private static Optional<Stage> stage(PolicyNode.Fields f, GateDefaults policyWide) {
        Optional<String> name = f.require("name").flatMap(PolicyNode::string);
        Optional<StageType> type = f.require("type").flatMap(n -> enumValue(n, StageType.class));
        if (name.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        GateDefaults g = f.get("rollback_triggers").map(TriggerValues::read).orElse(TriggerValues.NONE)
                .over(policyWide);
        Optional<Integer> weight = f.get("weight").flatMap(n -> n.integer(0, 100));
        int w = weight.orElse(switch (type.get()) {
            case SHADOW -> 0;
            case FULL -> 100;
            case CANARY -> -1;
        });
        if (type.get() == StageType.CANARY && f.get("weight").isEmpty()) {
            f.owner().errors().add(f.owner(), "missing required key 'weight' for a canary stage");
        }
        checkWeightForType(f, type.get(), weight);
        Optional<Pause> pause = f.get("pause").flatMap(ArgoStepsReader::readPause);
        if (f.has("pause") && type.get() != StageType.CANARY) {
            f.owner().errors().add(f.get("pause").orElseThrow(), "only canary stages can pause");
        }
        if (f.has("pause") && f.has("duration")) {
            f.owner().errors().add(f.get("pause").orElseThrow(), "give either duration or pause, not both");
        }
        Duration defaultLifetime = switch (type.get()) {
            case SHADOW -> g.shadowDuration();
            case CANARY -> g.canaryLifetime();
            case FULL -> g.bake();
        };
        Duration lifetime = f.get("duration").flatMap(PolicyNode::duration)
                .or(() -> pause.flatMap(Pause::duration))
                .orElse(pause.isPresent() ? Duration.ZERO : defaultLifetime);
        Optional<Duration> interval = f.get("interval").flatMap(PolicyNode::duration);
        if (interval.isPresent() && (interval.get().isZero()
                || (!lifetime.isZero() && interval.get().compareTo(lifetime) > 0))) {
            f.owner().errors().add(f.get("interval").orElseThrow(),
                    "interval must be positive and not longer than the stage duration");
        }
        int minPoints = f.get("min_data_points_per_metric").flatMap(n -> n.integer(1, 1_000_000))
                .orElse(g.minDataPoints());
        ScoreThresholds score = f.get("score").flatMap(GatesBlockReader::score).orElse(g.score());
        Analysis analysis = new Analysis(lifetime, interval.orElse(g.intervalWithin(lifetime)), minPoints, score);
        Stage base = switch (type.get()) {
            case SHADOW -> StageFactory.shadow(name.get(), g);
            case CANARY -> StageFactory.canary(name.get(), Math.max(w, 0), lifetime, pause.orElse(Pause.NONE), g);
            case FULL -> StageFactory.full(name.get(), g);
        };
        PromotionGate gate = f.get("gates").map(n -> gates(n, base.gate())).orElse(base.gate());
        ApprovalMode approval = f.get("approval").flatMap(n -> enumValue(n, ApprovalMode.class))
                .orElse(base.approval());
        RollbackTriggers triggers = onlyGiven(f, base.triggers(), g);
        return Optional.of(new Stage(name.get(), type.get(), Math.max(w, 0), lifetime, pause.orElse(Pause.NONE),
                analysis, gate, triggers, approval));
    }

    /**
     * Triggers of the stage's type, plus any trigger the stage names explicitly even if its type does not get
     * it by default (a shadow stage may also watch the error ratio, say).
     */
    private static RollbackTriggers onlyGiven(PolicyNode.Fields f, RollbackTriggers typeDefaults, GateDefaults g) {
        TriggerValues given = f.get("rollback_triggers").map(n -> TriggerValues.read(silent(n)))
                .orElse(TriggerValues.NONE);
        return new RollbackTriggers(
                given.maxErrorRateRatio().or(typeDefaults::maxErrorRateRatio),
                given.maxPolicyDenyRate().or(typeDefaults::maxPolicyDenyRate),
                given.overloadCodes().isPresent() || given.overloadSustainedFor().isPresent()
                        ? Optional.of(new OverloadTrigger(g.overloadCodes(), g.overloadSustainedFor()))
                        : typeDefaults.overload(),
                given.maxApprovalBacklog().or(typeDefaults::maxApprovalBacklog),
                given.maxParseFailureRatio().or(typeDefaults::maxParseFailureRatio),
                given.maxSafetyDenyRatio().or(typeDefaults::maxSafetyDenyRatio),
                g.alpha());
    }

    /** Re-reads a block already validated once, without reporting its errors a second time. */
    private static PolicyNode silent(PolicyNode n) {
        return n.withErrors(new PolicyErrors());
    }

    private static PromotionGate gates(PolicyNode node, PromotionGate base) {
        return node.mapping(GATE_KEYS).map(f -> new PromotionGate(
                f.get("preflight").flatMap(PolicyNode::bool).orElse(base.preflight()),
                f.get("judge_score").flatMap(PolicyNode::bool).orElse(base.judgeScore()),
                f.get("stable_latency").flatMap(PolicyNode::bool).orElse(base.stableLatency()),
                f.get("max_policy_deny_rate").flatMap(n -> n.number(0, false, 1)).or(base::maxPolicyDenyRate),
                f.get("no_critical_incident").flatMap(PolicyNode::bool).orElse(base.noCriticalIncident())))
                .orElse(base);
    }

    private static void checkWeightForType(PolicyNode.Fields f, StageType type, Optional<Integer> weight) {
        if (weight.isEmpty()) {
            return;
        }
        PolicyNode at = f.get("weight").orElseThrow();
        int w = weight.get();
        if (type == StageType.SHADOW && w != 0) {
            at.errors().add(at, "a shadow stage carries no user traffic: weight must be 0, got " + w);
        } else if (type == StageType.FULL && w != 100) {
            at.errors().add(at, "a full stage carries all traffic: weight must be 100, got " + w);
        } else if (type == StageType.CANARY && (w < 1 || w > 99)) {
            at.errors().add(at, "a canary weight must be between 1 and 99, got " + w);
        }
    }

    static <E extends Enum<E>> Optional<E> enumValue(PolicyNode node, Class<E> type) {
        return node.string().flatMap(text -> {
            String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return Optional.of(constant);
                }
            }
            node.errors().add(node, "unknown value '" + text + "'; expected one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
            return Optional.empty();
        });
    }
}
