package dev.rollgate.core.preflight;

import java.util.Map;
import java.util.Objects;

/**
 * One job topic to simulate against the tenant's policy.
 *
 * @param tenant tenant id the call is made for
 * @param topic  job topic, e.g. {@code job.support.reply}
 * @param labels labels sent with the simulated job (rollout id, agent, stage), so rules keyed on them apply
 */
public record PolicyQuery(String tenant, String topic, Map<String, String> labels) {
    public PolicyQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(topic, "topic");
        labels = Map.copyOf(labels);
    }
}
