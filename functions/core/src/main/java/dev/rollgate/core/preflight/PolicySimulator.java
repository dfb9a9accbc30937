package dev.rollgate.core.preflight;

import dev.rollgate.core.policy.PreflightSpec;

/** Asks the policy service what it would decide for a job, without side effects. */
public interface PolicySimulator {

    /** Simulates the job against the tenant's active policy. */
    CallOutcome<PolicyEvaluation> simulate(PolicyQuery query);

    /** Simulates the job against a candidate policy bundle (stored by id, or replaced by its inline content). */
    CallOutcome<PolicyEvaluation> simulateCandidate(PolicyQuery query, PreflightSpec.Bundle bundle);
}
