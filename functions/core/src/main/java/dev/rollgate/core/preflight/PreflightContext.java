package dev.rollgate.core.preflight;

import java.util.Map;
import java.util.Objects;

/**
 * The rollout a preflight runs for.
 *
 * @param rolloutId rollout id
 * @param tenant    tenant id sent with every call
 * @param agent     the agent being released
 * @param stage     the stage about to receive traffic
 */
public record PreflightContext(String rolloutId, String tenant, String agent, String stage) {
    public PreflightContext {
        requireText(rolloutId, "rolloutId");
        requireText(tenant, "tenant");
        requireText(agent, "agent");
        requireText(stage, "stage");
    }

    /** Labels attached to simulated jobs, so policy rules can match the rollout. */
    public Map<String, String> labels() {
        return Map.of("rollgate.rollout_id", rolloutId, "rollgate.agent", agent, "rollgate.stage", stage);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("preflight context: " + name + " must not be blank");
        }
    }
}
