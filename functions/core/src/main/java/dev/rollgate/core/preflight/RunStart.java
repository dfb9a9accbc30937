package dev.rollgate.core.preflight;

import java.util.Map;
import java.util.Objects;

/**
 * A request to start a workflow run.
 *
 * @param tenant         tenant id
 * @param workflowId     workflow to run
 * @param input          the run input document
 * @param idempotencyKey key that makes a repeated start return the first run (see {@link IdempotencyKeys})
 * @param dryRun         whether the run is marked dry
 */
public record RunStart(String tenant, String workflowId, Map<String, Object> input, String idempotencyKey,
                       boolean dryRun) {
    public RunStart {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(workflowId, "workflowId");
        input = Map.copyOf(input);
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey must not be blank: a run start without it may run twice");
        }
    }
}
