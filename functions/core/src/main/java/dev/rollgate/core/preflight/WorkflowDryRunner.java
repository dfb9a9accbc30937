package dev.rollgate.core.preflight;

import dev.rollgate.core.policy.PreflightSpec;

/** Evaluates every step of a workflow against the safety policy without running it. */
public interface WorkflowDryRunner {

    CallOutcome<DryRunReport> dryRun(String tenant, PreflightSpec.Workflow workflow);
}
