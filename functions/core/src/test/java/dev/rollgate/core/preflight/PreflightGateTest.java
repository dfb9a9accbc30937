package dev.rollgate.core.preflight;

import dev.rollgate.core.policy.PreflightSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.rollgate.core.preflight.PreflightFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

class PreflightGateTest {
    private final InMemoryPolicySimulator simulator = new InMemoryPolicySimulator();
    private final InMemoryWorkflowDryRunner dryRunner = new InMemoryWorkflowDryRunner()
            .answer(WORKFLOW, dryRun(step("a", StepDecision.ALLOW), step("b", StepDecision.NOT_APPLICABLE)));
    private final InMemoryPreflightAudit audit = new InMemoryPreflightAudit();
    private final PreflightGate gate = new PreflightGate(simulator, dryRunner, audit,
            Clock.fixed(Instant.parse("2026-11-27T21:00:00Z"), ZoneOffset.UTC));

    @Test
    void passesWhenEverySimulationAllowsAndNoStepIsRefused() {
        PreflightVerdict verdict = gate.check(full(false), context());

        assertThat(verdict).isInstanceOf(PreflightVerdict.Pass.class);
        assertThat(verdict.passed()).isTrue();
        assertThat(simulator.calls()).containsExactly(TOPIC_REPLY, TOPIC_REFUND, BUNDLE + "/" + TOPIC_REPLY,
                BUNDLE + "/" + TOPIC_REFUND);
        assertThat(dryRunner.calls()).singleElement().satisfies(w -> assertThat(w.environment()).contains("prod"));
        assertThat(verdict.checks()).extracting(CheckResult::status).containsOnly(CheckStatus.PASSED).hasSize(5);
    }

    @Test
    void anEmptySpecPassesWithoutCallingTheService() {
        PreflightVerdict verdict = gate.check(PreflightSpec.none(), context());

        assertThat(verdict).isInstanceOf(PreflightVerdict.Pass.class);
        assertThat(simulator.calls()).isEmpty();
        assertThat(dryRunner.calls()).isEmpty();
    }

    @Test
    void simulatedJobsCarryTenantAndRolloutLabels() {
        gate.check(topics(TOPIC_REPLY), context());

        assertThat(simulator.queries()).singleElement().satisfies(q -> {
            assertThat(q.tenant()).isEqualTo("acme");
            assertThat(q.labels()).containsEntry("rollgate.rollout_id", "ro-42").containsEntry("rollgate.stage", "canary-5");
        });
    }

    @ParameterizedTest
    @EnumSource(value = PolicyDecision.class, names = {"DENY", "THROTTLE", "UNSPECIFIED", "QUARANTINE", "REDACT",
            "UNRECOGNIZED"})
    void failsOnEverySimulationDecisionThatIsNotAnAllow(PolicyDecision decision) {
        simulator.answer(TOPIC_REFUND, answer(decision));

        PreflightVerdict verdict = gate.check(topics(TOPIC_REPLY, TOPIC_REFUND), context());

        assertThat(verdict).isInstanceOfSatisfying(PreflightVerdict.Fail.class, fail ->
                assertThat(fail.reasons()).singleElement().asString().startsWith(TOPIC_REFUND + ": DECISION_TYPE_"));
    }

    @Test
    void anUnrecognizedDecisionIsReportedAsSuch() {
        simulator.answer(TOPIC_REPLY, CallOutcome.done(evaluation(PolicyDecision.UNRECOGNIZED, "DECISION_TYPE_MAYBE",
                "", "")));

        PreflightVerdict verdict = gate.check(topics(TOPIC_REPLY), context());

        assertThat(((PreflightVerdict.Fail) verdict).reasons()).singleElement().asString()
                .contains("DECISION_TYPE_MAYBE").contains("unrecognized decision value");
    }

    @Test
    void allowWithConstraintsPassesOnlyWhenThePolicyAcceptsConstraints() {
        simulator.answer(TOPIC_REPLY, answer(PolicyDecision.ALLOW_WITH_CONSTRAINTS));
        dryRunner.answer(WORKFLOW, dryRun(step("a", StepDecision.ALLOW_WITH_CONSTRAINTS)));

        assertThat(gate.check(full(true), context())).isInstanceOf(PreflightVerdict.Pass.class);
        PreflightVerdict strict = gate.check(full(false), context());
        assertThat(strict).isInstanceOfSatisfying(PreflightVerdict.Fail.class, fail -> assertThat(fail.reasons())
                .hasSize(2).allSatisfy(r -> assertThat(r).contains("allowConstraints is false")));
    }

    @Test
    void requireHumanLeadsToAnApprovalNotAPass() {
        simulator.answer(TOPIC_REPLY, answer(PolicyDecision.REQUIRE_HUMAN));

        PreflightVerdict verdict = gate.check(full(false), context());

        assertThat(verdict).isInstanceOfSatisfying(PreflightVerdict.NeedsApproval.class, needs ->
                assertThat(needs.reasons()).singleElement().asString().contains("DECISION_TYPE_REQUIRE_HUMAN"));
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void anAllowThatAsksForApprovalIsNotASilentPass() {
        simulator.answer(TOPIC_REPLY, CallOutcome.done(new PolicyEvaluation(PolicyDecision.ALLOW, "DECISION_TYPE_ALLOW",
                "high risk", "r-9", true, "apr-1")));

        assertThat(gate.check(topics(TOPIC_REPLY), context())).isInstanceOf(PreflightVerdict.NeedsApproval.class);
    }

    @Test
    void aRequireApprovalStepLeadsToAnApproval() {
        dryRunner.answer(WORKFLOW, dryRun(step("a", StepDecision.ALLOW), step("b", StepDecision.REQUIRE_APPROVAL)));

        PreflightVerdict verdict = gate.check(full(false), context());

        assertThat(verdict).isInstanceOfSatisfying(PreflightVerdict.NeedsApproval.class, needs ->
                assertThat(needs.reasons()).containsExactly(WORKFLOW + " step b: REQUIRE_APPROVAL"));
    }

    @ParameterizedTest
    @EnumSource(value = StepDecision.class, names = {"DENY", "THROTTLE", "ERROR", "UNKNOWN", "UNRECOGNIZED"})
    void failsOnEveryRefusingDryRunStep(StepDecision decision) {
        dryRunner.answer(WORKFLOW, dryRun(step("a", StepDecision.ALLOW), step("b", decision),
                step("c", StepDecision.REQUIRE_APPROVAL)));

        PreflightVerdict verdict = gate.check(full(false), context());

        assertThat(verdict).isInstanceOfSatisfying(PreflightVerdict.Fail.class, fail ->
                assertThat(fail.reasons()).singleElement().asString().startsWith(WORKFLOW + " step b: "));
    }

    @Test
    void anErrorStepFailsTheGateWithTheKernelReason() {
        dryRunner.answer(WORKFLOW, dryRun(step("a", StepDecision.ERROR)));

        PreflightVerdict verdict = gate.check(full(false), context());

        assertThat(((PreflightVerdict.Fail) verdict).reasons()).containsExactly(
                WORKFLOW + " step a: ERROR - safety evaluation unavailable");
    }

    @Test
    void failsClosedWhenTheServiceIsUnavailableAndSkipsTheRemainingCalls() {
        simulator.answer(TOPIC_REPLY, CallOutcome.unavailable("connection refused after 3 attempts"));

        PreflightVerdict verdict = gate.check(full(false), context());

        assertThat(verdict).isInstanceOfSatisfying(PreflightVerdict.Unavailable.class, u -> {
            assertThat(u.message()).isEqualTo("policy service unavailable: " + TOPIC_REPLY
                    + ": connection refused after 3 attempts");
            assertThat(u.checks()).extracting(CheckResult::status).containsExactly(CheckStatus.UNAVAILABLE,
                    CheckStatus.SKIPPED, CheckStatus.SKIPPED, CheckStatus.SKIPPED, CheckStatus.SKIPPED);
        });
        assertThat(simulator.calls()).containsExactly(TOPIC_REPLY);
        assertThat(dryRunner.calls()).isEmpty();
    }

    @Test
    void aDefiniteRefusalBeforeTheOutageStillFailsTheGate() {
        simulator.answer(TOPIC_REPLY, answer(PolicyDecision.DENY));
        simulator.answer(TOPIC_REFUND, CallOutcome.unavailable("HTTP 503"));

        assertThat(gate.check(full(false), context())).isInstanceOf(PreflightVerdict.Fail.class);
    }

    @Test
    void anOutageOutranksAPendingApproval() {
        simulator.answer(TOPIC_REPLY, answer(PolicyDecision.REQUIRE_HUMAN));
        simulator.answer(TOPIC_REFUND, CallOutcome.unavailable("timed out"));

        assertThat(gate.check(full(false), context())).isInstanceOf(PreflightVerdict.Unavailable.class);
    }

    @Test
    void failsClosedWhenAnAdapterThrows() {
        PreflightGate throwing = new PreflightGate(simulator, (tenant, workflow) -> {
            throw new IllegalStateException("socket closed");
        }, audit, Clock.systemDefaultZone());

        PreflightVerdict verdict = throwing.check(full(false), context());

        assertThat(verdict).isInstanceOfSatisfying(PreflightVerdict.Unavailable.class, u ->
                assertThat(u.cause()).contains("IllegalStateException").contains("socket closed"));
    }

    @Test
    void credentialOrThrottlingRefusalsAreAnOutageNotAVerdictOnTheRelease() {
        simulator.answer(TOPIC_REPLY, CallOutcome.refused(401, "unauthorized", "unauthorized"));

        assertThat(gate.check(topics(TOPIC_REPLY), context())).isInstanceOf(PreflightVerdict.Unavailable.class);
    }

    @Test
    void anUnknownWorkflowFailsTheGate() {
        PreflightVerdict verdict = gate.check(new PreflightSpec(List.of(), java.util.Optional.empty(),
                java.util.Optional.of(new PreflightSpec.Workflow("wf-missing", java.util.Optional.empty(),
                        java.util.Map.of())), false), context());

        assertThat(verdict).isInstanceOfSatisfying(PreflightVerdict.Fail.class, fail -> assertThat(fail.reasons())
                .containsExactly("wf-missing: refused with HTTP 404 not_found (workflow not found)"));
    }

    @Test
    void aCandidateBundleWithoutTopicsCannotPass() {
        PreflightSpec spec = new PreflightSpec(List.of(), java.util.Optional.of(new PreflightSpec.Bundle(BUNDLE,
                java.util.Optional.empty())), java.util.Optional.empty(), false);

        assertThat(gate.check(spec, context())).isInstanceOf(PreflightVerdict.Fail.class);
    }

    @Test
    void everyCallAndTheVerdictGoToTheHistory() {
        simulator.answer(TOPIC_REFUND, answer(PolicyDecision.DENY));

        gate.check(full(false), context());

        assertThat(audit.events()).extracting(e -> e.result().kind()).containsExactly(CheckKind.POLICY_SIMULATION,
                CheckKind.POLICY_SIMULATION, CheckKind.CANDIDATE_BUNDLE_SIMULATION,
                CheckKind.CANDIDATE_BUNDLE_SIMULATION, CheckKind.WORKFLOW_DRY_RUN, CheckKind.VERDICT);
        assertThat(audit.events()).allSatisfy(e -> {
            assertThat(e.rolloutId()).isEqualTo("ro-42");
            assertThat(e.stage()).isEqualTo("canary-5");
        });
        assertThat(audit.events().get(5).result().status()).isEqualTo(CheckStatus.FAILED);
    }
}
