package dev.rollgate.core.state;

import java.time.Instant;
import java.util.Objects;

/** One published version of a named rollout policy; versions count 1, 2, 3, ... per tenant and name. */
public record StoredPolicy(String tenant, String name, long version, String yaml, String author,
                           Instant publishedAt) {
    public StoredPolicy {
        StateLimits.requireId(tenant, "tenant");
        StateLimits.requireId(name, "policy name");
        if (version < 1) {
            throw new IllegalArgumentException("policy version starts at 1, was " + version);
        }
        StateLimits.requireText(yaml, "policy yaml", StateLimits.MAX_POLICY_YAML_BYTES);
        StateLimits.requireId(author, "author");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
