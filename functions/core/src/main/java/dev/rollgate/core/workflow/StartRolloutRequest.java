package dev.rollgate.core.workflow;

/**
 * A request to start a rollout, as a release pipeline sends it. The policy is named (the stored policy's latest
 * version is used) or given inline.
 */
public record StartRolloutRequest(String tenant, String agent, String candidateVersion, String baselineVersion,
                                  String requester, String policyName, String policyYaml, String idempotencyKey) {
}
