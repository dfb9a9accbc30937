package dev.rollgate.core.policy;

import java.util.Optional;

/**
 * What must hold before a stage is promoted.
 *
 * @param preflight          the Cordum simulation and dry-run must pass (shadow)
 * @param judgeScore         the judge's score decides (canary stages)
 * @param stableLatency      latency metrics must not regress (no FAIL on any latency metric)
 * @param maxPolicyDenyRate  canary policy-deny rate at or below this
 * @param noCriticalIncident no critical incident or critical schema violation during the stage
 */
public record PromotionGate(boolean preflight, boolean judgeScore, boolean stableLatency,
                            Optional<Double> maxPolicyDenyRate, boolean noCriticalIncident) {

    public String describe() {
        StringBuilder out = new StringBuilder();
        if (preflight) {
            out.append("preflight passes");
        }
        if (judgeScore) {
            sep(out).append("judge score");
        }
        if (stableLatency) {
            sep(out).append("stable latency");
        }
        maxPolicyDenyRate.ifPresent(v -> sep(out).append("policy-deny rate <= ").append(PolicyFormat.number(v)));
        if (noCriticalIncident) {
            sep(out).append("no critical incident");
        }
        return out.toString();
    }

    private static StringBuilder sep(StringBuilder out) {
        return out.length() > 0 ? out.append(", ") : out;
    }
}
