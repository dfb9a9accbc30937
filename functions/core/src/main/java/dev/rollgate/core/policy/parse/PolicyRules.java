package dev.rollgate.core.policy.parse;

import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.policy.StageType;
import dev.rollgate.core.policy.TrafficDriverKind;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules that span stages: order and uniqueness, rising weights, and what the CodeDeploy driver can express
 * (TimeBasedCanary has exactly two traffic levels and an interval of at most 2880 minutes).
 */
final class PolicyRules {
    static final long CODEDEPLOY_MAX_INTERVAL_MINUTES = 2880;

    private PolicyRules() {
    }

    static void check(List<Stage> stages, List<PolicyNode> stageNodes, TrafficDriverKind driver,
                      PolicyNode driverNode, PolicyNode where) {
        Set<String> names = new HashSet<>();
        int lastWeight = -1;
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            PolicyNode at = i < stageNodes.size() ? stageNodes.get(i) : where;
            if (!names.add(stage.name())) {
                PolicyNode name = at.field("name").orElse(at);
                at.errors().add(name, "duplicate stage name '" + stage.name() + "'");
            }
            if (stage.type() == StageType.SHADOW && i != 0) {
                at.errors().add(at, "a shadow stage must come first, before any traffic moves");
            }
            if (stage.type() == StageType.FULL && i != stages.size() - 1) {
                at.errors().add(at, "the full stage must be the last stage");
            }
            if (stage.type() != StageType.SHADOW) {
                if (stage.weight() <= lastWeight) {
                    PolicyNode weight = at.field("weight").orElse(at);
                    at.errors().add(weight, "weights must increase stage by stage: "
                            + stage.weight() + " follows " + lastWeight);
                }
                lastWeight = stage.weight();
            }
        }
        if (!stages.isEmpty() && stages.get(stages.size() - 1).type() != StageType.FULL) {
            where.errors().add(where, "the last stage must be of type full (weight 100)");
        }
        if (driver == TrafficDriverKind.CODEDEPLOY) {
            checkCodeDeploy(stages, stageNodes, driverNode, where);
        }
    }

    private static void checkCodeDeploy(List<Stage> stages, List<PolicyNode> stageNodes, PolicyNode driverNode,
                                        PolicyNode where) {
        List<Stage> canaries = stages.stream().filter(s -> s.type() == StageType.CANARY).toList();
        if (canaries.size() > 1) {
            driverNode.errors().add(driverNode, "the codedeploy driver supports one canary stage "
                    + "(TimeBasedCanary has only two traffic levels); this policy has " + canaries.size()
                    + ": use driver: alias");
        }
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            if (stage.type() != StageType.CANARY) {
                continue;
            }
            PolicyNode at = i < stageNodes.size() ? stageNodes.get(i) : where;
            if (stage.pause().indefinite()) {
                at.errors().add(at, "the codedeploy driver cannot pause indefinitely: TimeBasedCanary shifts to "
                        + "100 % by itself after its interval");
                continue;
            }
            Duration interval = stage.minDuration();
            long minutes = (interval.getSeconds() + 59) / 60;
            if (minutes > CODEDEPLOY_MAX_INTERVAL_MINUTES) {
                at.errors().add(at, "the codedeploy canary interval is at most " + CODEDEPLOY_MAX_INTERVAL_MINUTES
                        + " minutes, this stage lasts " + minutes);
            }
            if (minutes < 1) {
                at.errors().add(at, "the codedeploy canary interval must be at least one minute");
            }
        }
    }
}
