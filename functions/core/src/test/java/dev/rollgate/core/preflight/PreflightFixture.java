package dev.rollgate.core.preflight;

import dev.rollgate.core.policy.PreflightSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Preflight specs, contexts and service answers for tests. */
public final class PreflightFixture {
    public static final String TOPIC_REPLY = "job.support.reply";
    public static final String TOPIC_REFUND = "job.support.refund";
    public static final String WORKFLOW = "wf-support";
    public static final String BUNDLE = "candidate-7";

    private PreflightFixture() {
    }

    public static PreflightContext context() {
        return new PreflightContext("ro-42", "acme", "support-bot", "canary-5");
    }

    public static PreflightSpec topics(String... topics) {
        return new PreflightSpec(List.of(topics), Optional.empty(), Optional.empty(), false);
    }

    public static PreflightSpec full(boolean allowConstraints) {
        return new PreflightSpec(List.of(TOPIC_REPLY, TOPIC_REFUND),
                Optional.of(new PreflightSpec.Bundle(BUNDLE, Optional.empty())),
                Optional.of(new PreflightSpec.Workflow(WORKFLOW, Optional.of("prod"), Map.of("ticket", "T-1"))),
                allowConstraints);
    }

    public static PolicyEvaluation allow() {
        return evaluation(PolicyDecision.ALLOW, "DECISION_TYPE_ALLOW", "allowed by rule", "r-allow");
    }

    public static PolicyEvaluation evaluation(PolicyDecision decision, String raw, String reason, String ruleId) {
        return new PolicyEvaluation(decision, raw, reason, ruleId, decision == PolicyDecision.REQUIRE_HUMAN, "");
    }

    public static CallOutcome<PolicyEvaluation> answer(PolicyDecision decision) {
        return CallOutcome.done(evaluation(decision, "DECISION_TYPE_" + decision.name(), "because", "r-1"));
    }

    public static DryRunStep step(String id, StepDecision decision) {
        String raw = decision == StepDecision.NOT_APPLICABLE ? "N/A" : decision.name();
        return new DryRunStep(id, "", "job", decision, raw, decision == StepDecision.ERROR
                ? "safety evaluation unavailable" : "", "");
    }

    public static CallOutcome<DryRunReport> dryRun(DryRunStep... steps) {
        return CallOutcome.done(new DryRunReport(WORKFLOW, List.of(steps)));
    }
}
