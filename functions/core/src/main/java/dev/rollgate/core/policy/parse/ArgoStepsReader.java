package dev.rollgate.core.policy.parse;

import dev.rollgate.core.policy.Pause;
import dev.rollgate.core.policy.Stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps an Argo Rollouts canary {@code steps:} list onto stages: each {@code setWeight} opens a canary stage, the
 * {@code pause} steps after it set how long it is held ({@code pause: {}} waits for a human), and the rollout ends
 * at 100 % as Argo's does. Step kinds rollgate cannot honour are errors, never ignored.
 */
final class ArgoStepsReader {
    private static final Set<String> STEP_KINDS = Set.of("setWeight", "pause");
    private static final Set<String> UNSUPPORTED = Set.of("analysis", "experiment", "setCanaryScale",
            "setHeaderRoute", "setMirrorRoute", "plugin");

    private ArgoStepsReader() {
    }

    static Optional<List<Stage>> read(PolicyNode stepsNode, GateDefaults g) {
        Optional<List<PolicyNode>> steps = stepsNode.sequence();
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        if (steps.get().isEmpty()) {
            stepsNode.errors().add(stepsNode, "the steps list is empty; give at least one setWeight step");
            return Optional.empty();
        }
        int errorsBefore = stepsNode.errors().size();
        List<Stage> stages = new ArrayList<>();
        Integer weight = null;
        Pause pause = Pause.NONE;
        boolean reachedFull = false;
        for (PolicyNode step : steps.get()) {
            Optional<PolicyNode.Fields> fields = step.mapping(union());
            if (fields.isEmpty()) {
                continue;
            }
            List<String> kinds = new ArrayList<>();
            for (String kind : union()) {
                if (fields.get().has(kind)) {
                    kinds.add(kind);
                }
            }
            if (kinds.size() != 1) {
                step.errors().add(step, kinds.isEmpty() ? "a step needs one of setWeight or pause"
                        : "a step has exactly one kind, found " + String.join(" and ", kinds));
                continue;
            }
            String kind = kinds.get(0);
            PolicyNode value = fields.get().get(kind).orElseThrow();
            if (UNSUPPORTED.contains(kind)) {
                step.errors().add(value.path(), step.line(), "Argo step '" + kind + "' is not supported by rollgate; the judge and gates "
                        + "come from rollout_gates or stages (supported steps: setWeight, pause)");
            } else if ("setWeight".equals(kind)) {
                if (reachedFull) {
                    step.errors().add(value, "no step may follow setWeight: 100");
                    continue;
                }
                if (weight != null) {
                    stages.add(canaryStage(stages.size() + 1, weight, pause, g));
                }
                Optional<Integer> w = value.integer(0, 100);
                if (w.isPresent() && weight != null && w.get() <= weight) {
                    step.errors().add(value, "weights must increase step by step: " + w.get()
                            + " follows " + weight);
                }
                weight = w.orElse(null);
                pause = Pause.NONE;
                if (w.isPresent() && w.get() == 0) {
                    step.errors().add(value, "setWeight must be between 1 and 100 (0 %% would expose nothing)"
                            .replace("%%", "%"));
                    weight = null;
                }
                if (weight != null && weight == 100) {
                    reachedFull = true;
                    weight = null;
                }
            } else {
                if (weight == null) {
                    step.errors().add(step, reachedFull ? "a pause after setWeight: 100 has nothing to hold"
                            : "a pause must follow a setWeight step");
                    continue;
                }
                Optional<Pause> p = readPause(value);
                if (p.isPresent()) {
                    pause = add(pause, p.get());
                }
            }
        }
        if (weight != null) {
            stages.add(canaryStage(stages.size() + 1, weight, pause, g));
        }
        if (stepsNode.errors().size() > errorsBefore) {
            return Optional.empty();
        }
        stages.add(StageFactory.full("full", g));
        return Optional.of(stages);
    }

    /** {@code pause: {duration: 20m}}, {@code pause: {}} (indefinite) or {@code pause: {duration: 60}}. */
    static Optional<Pause> readPause(PolicyNode value) {
        if (value.isNull()) {
            return Optional.of(Pause.INDEFINITE);
        }
        return value.mapping(Set.of("duration")).flatMap(f -> f.get("duration")
                .map(d -> d.duration().map(Pause::of))
                .orElse(Optional.of(Pause.INDEFINITE)));
    }

    private static Pause add(Pause current, Pause next) {
        if (current.indefinite() || next.indefinite()) {
            return Pause.INDEFINITE;
        }
        return Pause.of(current.duration().orElseThrow().plus(next.duration().orElseThrow()));
    }

    private static Stage canaryStage(int number, int weight, Pause pause, GateDefaults g) {
        Duration held = pause.duration().orElse(Duration.ZERO);
        return StageFactory.canary("canary-" + number, weight, held, pause, g);
    }

    private static Set<String> union() {
        Set<String> all = new java.util.TreeSet<>(STEP_KINDS);
        all.addAll(UNSUPPORTED);
        return all;
    }
}
