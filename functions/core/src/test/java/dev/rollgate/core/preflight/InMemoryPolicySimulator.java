package dev.rollgate.core.preflight;

import dev.rollgate.core.policy.PreflightSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers per topic (and per bundle/topic) from a script; unscripted topics are allowed. Records every call. */
public final class InMemoryPolicySimulator implements PolicySimulator {
    private final Map<String, CallOutcome<PolicyEvaluation>> byTarget = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<PolicyQuery> queries = new ArrayList<>();

    public InMemoryPolicySimulator answer(String topic, CallOutcome<PolicyEvaluation> outcome) {
        byTarget.put(topic, outcome);
        return this;
    }

    public InMemoryPolicySimulator answerCandidate(String bundleId, String topic, CallOutcome<PolicyEvaluation> outcome) {
        byTarget.put(bundleId + "/" + topic, outcome);
        return this;
    }

    @Override
    public CallOutcome<PolicyEvaluation> simulate(PolicyQuery query) {
        calls.add(query.topic());
        queries.add(query);
        return byTarget.getOrDefault(query.topic(), CallOutcome.done(PreflightFixture.allow()));
    }

    @Override
    public CallOutcome<PolicyEvaluation> simulateCandidate(PolicyQuery query, PreflightSpec.Bundle bundle) {
        String target = bundle.id() + "/" + query.topic();
        calls.add(target);
        queries.add(query);
        return byTarget.getOrDefault(target, CallOutcome.done(PreflightFixture.allow()));
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public List<PolicyQuery> queries() {
        return List.copyOf(queries);
    }
}
