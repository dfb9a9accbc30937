package dev.rollgate.core.workflow;

import dev.rollgate.core.policy.PolicyError;
import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.PolicyParser;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.state.Rollout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolved policies of stored rollouts. A rollout keeps the policy text it started with, so the parse of one text
 * never changes; a warm handler parses each text once.
 */
public final class PolicyCache {
    private static final int CAPACITY = 256;
    private final Map<String, RolloutPolicy> byText = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RolloutPolicy> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized RolloutPolicy policyOf(Rollout rollout) {
        RolloutPolicy cached = byText.get(rollout.policyYaml());
        if (cached != null) {
            return cached;
        }
        PolicyParseResult result = PolicyParser.parse(rollout.policyYaml(), rollout.policyName());
        if (result instanceof PolicyParseResult.Invalid invalid) {
            // Policies are validated before a rollout is stored, so this is corrupted state, not user input.
            throw new IllegalStateException("stored policy of rollout " + rollout.id() + " is invalid: "
                    + invalid.errors().stream().map(PolicyError::toString).collect(Collectors.joining("; ")));
        }
        RolloutPolicy policy = ((PolicyParseResult.Valid) result).policy();
        byText.put(rollout.policyYaml(), policy);
        return policy;
    }
}
