package dev.rollgate.aws.cordum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.core.policy.PreflightSpec;
import dev.rollgate.core.preflight.ApprovalConflict;
import dev.rollgate.core.preflight.ApprovalPage;
import dev.rollgate.core.preflight.ApprovalResolution;
import dev.rollgate.core.preflight.CallOutcome;
import dev.rollgate.core.preflight.DryRunReport;
import dev.rollgate.core.preflight.DryRunStep;
import dev.rollgate.core.preflight.IdempotencyKeys;
import dev.rollgate.core.preflight.PendingApproval;
import dev.rollgate.core.preflight.PolicyDecision;
import dev.rollgate.core.preflight.PolicyEvaluation;
import dev.rollgate.core.preflight.PolicyQuery;
import dev.rollgate.core.preflight.RunStart;
import dev.rollgate.core.preflight.RunStatus;
import dev.rollgate.core.preflight.StepDecision;
import dev.rollgate.core.preflight.WorkflowRun;
import dev.rollgate.standin.CordumStandIn;
import dev.rollgate.standin.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rollgate.aws.cordum.CordumFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The client against the stand-in, for every call, status code and error code in CORDUM_API.md. */
class HttpCordumClientContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CordumStandIn standIn = exampleStandIn();
    private final HttpCordumClient client = client(standIn);

    @AfterEach
    void stop() {
        standIn.close();
    }

    static <T> T done(CallOutcome<T> outcome) {
        assertThat(outcome).isInstanceOf(CallOutcome.Done.class);
        return ((CallOutcome.Done<T>) outcome).value();
    }

    static CallOutcome.Refused<?> refused(CallOutcome<?> outcome) {
        assertThat(outcome).isInstanceOf(CallOutcome.Refused.class);
        return (CallOutcome.Refused<?>) outcome;
    }

    static JsonNode body(RecordedRequest request) throws Exception {
        return JSON.readTree(request.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static PolicyQuery query(String topic) {
        return new PolicyQuery(TENANT, topic, Map.of("rollgate.rollout_id", "ro-1"));
    }

    @Nested
    class PolicySimulation {
        @Test
        void anAllowedTopicIsReadWithEveryDocumentedField() {
            PolicyEvaluation evaluation = done(client.simulate(query("job.support.reply")));

            assertThat(evaluation).isEqualTo(new PolicyEvaluation(PolicyDecision.ALLOW, "DECISION_TYPE_ALLOW",
                    "replies are allowed", "allow-replies", false, ""));
        }

        @Test
        void sendsOnlyTheDocumentedSnakeCaseFieldsAndTheAuthHeaders() throws Exception {
            client.simulate(query("job.support.reply"));

            RecordedRequest request = standIn.requestsTo("/api/v1/policy/simulate").get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("X-Tenant-ID")).isEqualTo(TENANT);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = body(request);
            assertThat(fieldNames(body)).containsExactly("topic", "tenant", "labels");
            assertThat(body.get("labels").get("rollgate.rollout_id").asText()).isEqualTo("ro-1");
        }

        @Test
        void requireHumanCarriesTheApprovalReference() {
            PolicyEvaluation evaluation = done(client.simulate(query("job.support.refund")));

            assertThat(evaluation.decision()).isEqualTo(PolicyDecision.REQUIRE_HUMAN);
            assertThat(evaluation.approvalRequired()).isTrue();
            assertThat(evaluation.approvalRef()).isEqualTo("apr-refund");
        }

        @Test
        void everyConfiguredDecisionMapsToItsValue() {
            assertThat(done(client.simulate(query("job.support.bulk-email"))).decision())
                    .isEqualTo(PolicyDecision.THROTTLE);
            assertThat(done(client.simulate(query("job.support.summarise"))).decision())
                    .isEqualTo(PolicyDecision.ALLOW_WITH_CONSTRAINTS);
            assertThat(done(client.simulate(query("job.support.delete-account"))).decision())
                    .isEqualTo(PolicyDecision.DENY);
        }

        @Test
        void anUnmatchedTopicIsTheDefaultDeny() {
            PolicyEvaluation evaluation = done(client.simulate(query("job.unknown")));

            assertThat(evaluation.decision()).isEqualTo(PolicyDecision.DENY);
            assertThat(evaluation.reason()).isEqualTo("no matching rule — default policy: deny");
        }

        @Test
        void aTopicOutsideJobIsDeniedAsUnsupported() {
            PolicyEvaluation evaluation = done(client.simulate(query("support.reply")));

            assertThat(evaluation.decision()).isEqualTo(PolicyDecision.DENY);
            assertThat(evaluation.reason()).isEqualTo("unsupported topic");
        }

        @Test
        void withoutAPolicyEverythingIsDeniedFailClosed() {
            try (CordumStandIn empty = standIn("apiKeys: [{key: k}]\npolicyLoaded: false\n")) {
                PolicyEvaluation evaluation = done(client(empty, "k").simulate(query("job.support.reply")));

                assertThat(evaluation.decision()).isEqualTo(PolicyDecision.DENY);
                assertThat(evaluation.reason()).isEqualTo("no policy loaded — fail-closed");
            }
        }

        @Test
        void evaluateAndExplainShareTheShapeAndTheClientNeedsOnlySimulate() {
            // The client never calls /evaluate (it counts against rate windows); simulate is the only path used.
            client.simulate(query("job.support.reply"));

            assertThat(standIn.requests()).extracting(RecordedRequest::path).containsOnly("/api/v1/policy/simulate");
        }
    }

    @Nested
    class Authentication {
        @Test
        void anUnknownKeyIs401Unauthorized() {
            CallOutcome.Refused<?> refused = refused(client(standIn, "wrong-key").simulate(query("job.support.reply")));

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("unauthorized");
        }

        @Test
        void aKeyBoundToAnotherTenantIs403TenantAccessDenied() {
            CallOutcome.Refused<?> refused = refused(client(standIn, ACME_KEY).dryRun("globex",
                    new PreflightSpec.Workflow("wf-support", Optional.empty(), Map.of())));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.message()).isEqualTo("tenant access denied");
        }

        @Test
        void aMissingTenantWithoutAKeyTenantIs403TenantIdRequired() {
            CallOutcome.Refused<?> refused = refused(client.simulate(new PolicyQuery("", "job.support.reply",
                    Map.of())));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.message()).isEqualTo("tenant id required");
        }

        @Test
        void thePolicyEndpointsNeedTheAdminRole() {
            CallOutcome.Refused<?> refused = refused(client(standIn, ACME_KEY).simulate(query("job.support.reply")));

            assertThat(refused.status()).isEqualTo(403);
        }

        @Test
        void aTenantBoundKeyWorksForItsOwnTenant() {
            DryRunReport report = done(client(standIn, ACME_KEY).dryRun(TENANT,
                    new PreflightSpec.Workflow("wf-support", Optional.empty(), Map.of())));

            assertThat(report.steps()).hasSize(3);
        }
    }

    @Nested
    class CandidateBundle {
        @Test
        void aStoredBundleIsSimulatedById() throws Exception {
            PolicyEvaluation evaluation = done(client.simulateCandidate(query("job.support.refund"),
                    new PreflightSpec.Bundle("candidate-7", Optional.empty())));

            assertThat(evaluation.decision()).isEqualTo(PolicyDecision.DENY);
            assertThat(evaluation.ruleId()).isEqualTo("c7-freeze");
            JsonNode body = body(standIn.requestsTo("/api/v1/policy/bundles/candidate-7/simulate").get(0));
            assertThat(fieldNames(body)).containsExactly("request");
            assertThat(fieldNames(body.get("request"))).containsExactly("topic", "tenant", "labels");
        }

        @Test
        void aSlashInTheBundleIdIsWrittenAsATilde() {
            PolicyEvaluation evaluation = done(client.simulateCandidate(query("job.support.refund"),
                    new PreflightSpec.Bundle("team/candidate-8", Optional.empty())));

            assertThat(evaluation.ruleId()).isEqualTo("c8-allow");
            assertThat(standIn.requestsTo("/api/v1/policy/bundles/team~candidate-8/simulate")).hasSize(1);
        }

        @Test
        void inlineContentReplacesTheStoredBundle() throws Exception {
            String content = "topics:\n  job.support.refund: {decision: DECISION_TYPE_ALLOW, ruleId: inline}\n";

            PolicyEvaluation evaluation = done(client.simulateCandidate(query("job.support.refund"),
                    new PreflightSpec.Bundle("candidate-7", Optional.of(content))));

            assertThat(evaluation.ruleId()).isEqualTo("inline");
            JsonNode body = body(standIn.requestsTo("/api/v1/policy/bundles/candidate-7/simulate").get(0));
            assertThat(body.get("content").asText()).isEqualTo(content);
        }

        @Test
        void invalidContentIs400PolicyValidationFailed() {
            CallOutcome.Refused<?> refused = refused(client.simulateCandidate(query("job.support.refund"),
                    new PreflightSpec.Bundle("candidate-7", Optional.of("rules: [this is not a bundle"))));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("POLICY_VALIDATION_FAILED");
        }

        @Test
        void anUnknownBundleIdIsNotA404() {
            PolicyEvaluation evaluation = done(client.simulateCandidate(query("job.support.refund"),
                    new PreflightSpec.Bundle("no-such-bundle", Optional.empty())));

            assertThat(evaluation.decision()).isEqualTo(PolicyDecision.DENY);
        }
    }

    @Nested
    class DryRun {
        @Test
        void stepsComeSortedWithTheirDecisionsAndTheBodyCarriesInputAndEnvironment() throws Exception {
            DryRunReport report = done(client.dryRun(TENANT, new PreflightSpec.Workflow("wf-support",
                    Optional.of("staging"), Map.of("ticket", "T-1"))));

            assertThat(report.workflowId()).isEqualTo("wf-support");
            assertThat(report.steps()).extracting(DryRunStep::stepId)
                    .containsExactly("s1-classify", "s2-branch", "s3-reply");
            assertThat(report.steps()).extracting(DryRunStep::decision)
                    .containsExactly(StepDecision.ALLOW, StepDecision.NOT_APPLICABLE, StepDecision.ALLOW);
            assertThat(report.steps().get(0).stepName()).isEqualTo("classify");
            assertThat(report.steps().get(1).stepName()).isEmpty();
            JsonNode body = body(standIn.requestsTo("/api/v1/workflows/wf-support/dry-run").get(0));
            assertThat(fieldNames(body)).containsExactly("input", "environment");
            assertThat(body.get("environment").isTextual()).isTrue();
        }

        @Test
        void theEnvironmentChangesTheOutcome() {
            DryRunReport report = done(client.dryRun(TENANT, new PreflightSpec.Workflow("wf-support",
                    Optional.of("prod"), Map.of())));

            assertThat(report.steps().get(2).decision()).isEqualTo(StepDecision.REQUIRE_APPROVAL);
        }

        @Test
        void anErrorStepIsReportedNotFailedAsARequest() {
            DryRunReport report = done(client.dryRun(TENANT, new PreflightSpec.Workflow("wf-broken",
                    Optional.empty(), Map.of())));

            assertThat(report.steps()).extracting(DryRunStep::decision)
                    .containsExactly(StepDecision.ERROR, StepDecision.DENY);
            assertThat(report.steps().get(0).reason()).isEqualTo("safety evaluation unavailable");
            assertThat(report.steps().get(1).ruleId()).isEqualTo("deny-tool");
        }

        @Test
        void anUnknownWorkflowIs404() {
            CallOutcome.Refused<?> refused = refused(client.dryRun(TENANT, new PreflightSpec.Workflow("wf-missing",
                    Optional.empty(), Map.of())));

            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.message()).isEqualTo("workflow not found");
        }

        @Test
        void aBodyOverTheLimitIs413() {
            CallOutcome.Refused<?> refused = refused(client.dryRun(TENANT, new PreflightSpec.Workflow("wf-support",
                    Optional.empty(), Map.of("blob", "x".repeat(1_100_000)))));

            assertThat(refused.status()).isEqualTo(413);
        }
    }

    @Nested
    class Runs {
        private RunStart start(String key) {
            return new RunStart(TENANT, "wf-support", Map.of("ticket", "T-1"), key, false);
        }

        @Test
        void aRepeatedIdempotencyKeyReturnsTheFirstRun() {
            String key = IdempotencyKeys.forRunStart("ro-1", "canary");

            String first = done(client.start(start(key)));
            String second = done(client.start(start(key)));

            assertThat(second).isEqualTo(first);
            assertThat(standIn.runCount()).isEqualTo(1);
            assertThat(standIn.requests()).allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo(key));
        }

        @Test
        void theBodyIsTheRunInputAndDryRunIsAQueryFlag() throws Exception {
            String runId = done(client.start(new RunStart(TENANT, "wf-support", Map.of("ticket", "T-9"), "k-dry",
                    true)));

            RecordedRequest request = standIn.requestsTo("/api/v1/workflows/wf-support/runs").get(0);
            assertThat(request.query()).isEqualTo("dry_run=true");
            assertThat(fieldNames(body(request))).containsExactly("ticket");
            WorkflowRun run = done(client.get(TENANT, runId));
            assertThat(run.dryRun()).isTrue();
        }

        @Test
        void aReservedButUnmappedKeyIs409RunIdempotencyConflict() {
            CallOutcome.Refused<?> refused = refused(client.start(start("reserved-key-1")));

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("RUN_IDEMPOTENCY_CONFLICT");
        }

        @Test
        void inputFailingTheSchemaIs400() {
            CallOutcome.Refused<?> refused = refused(client.start(new RunStart(TENANT, "wf-support", Map.of(), "k-x",
                    false)));

            assertThat(refused.status()).isEqualTo(400);
        }

        @Test
        void theConcurrencyCapIs429RunNotRunnableAfterBoundedRetries() {
            try (CordumStandIn capped = standIn("""
                    apiKeys: [{key: k}]
                    workflows: {wf: {steps: [{stepId: s1}]}}
                    runs: {maxConcurrentPerTenant: 1}
                    """)) {
                HttpCordumClient cappedClient = client(capped, "k");
                done(cappedClient.start(new RunStart(TENANT, "wf", Map.of(), "k-1", false)));

                CallOutcome.Refused<?> refused = refused(cappedClient.start(new RunStart(TENANT, "wf", Map.of(), "k-2",
                        false)));

                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.code()).isEqualTo("RUN_NOT_RUNNABLE");
                assertThat(capped.requests()).hasSize(1 + ATTEMPTS);
            }
        }

        @Test
        void aFinishedRunFreesTheConcurrencyCap() {
            try (CordumStandIn capped = standIn("""
                    apiKeys: [{key: k}]
                    workflows: {wf: {steps: [{stepId: s1}]}}
                    runs: {maxConcurrentPerTenant: 1}
                    """)) {
                HttpCordumClient cappedClient = client(capped, "k");
                String first = done(cappedClient.start(new RunStart(TENANT, "wf", Map.of(), "k-1", false)));
                capped.setRunStatus(first, "succeeded");

                assertThat(cappedClient.start(new RunStart(TENANT, "wf", Map.of(), "k-2", false)))
                        .isInstanceOf(CallOutcome.Done.class);
            }
        }

        @Test
        void aRunIsReadWithItsLowercaseStatusAndKey() {
            String runId = done(client.start(start("k-get")));

            WorkflowRun run = done(client.get(TENANT, runId));

            assertThat(run.runId()).isEqualTo(runId);
            assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(run.rawStatus()).isEqualTo("running");
            assertThat(run.idempotencyKey()).contains("k-get");
            assertThat(run.rerunOf()).isEmpty();
            assertThat(run.steps()).extracting(WorkflowRun.Step::stepId)
                    .containsExactly("s1-classify", "s2-branch", "s3-reply");
        }

        @Test
        void everyRunStatusIsRead() {
            String runId = done(client.start(start("k-status")));
            for (String status : List.of("pending", "running", "waiting", "succeeded", "failed", "denied", "cancelled",
                    "timed_out")) {
                standIn.setRunStatus(runId, status);
                assertThat(done(client.get(TENANT, runId)).status().name()).isEqualTo(status.toUpperCase());
            }
        }

        @Test
        void anUnknownRunIs404() {
            assertThat(refused(client.get(TENANT, "run-nope")).status()).isEqualTo(404);
        }

        @Test
        void aRerunCreatesANewRunEveryTimeItIsCalled() throws Exception {
            String runId = done(client.start(start("k-rerun")));

            String rerun1 = done(client.rerun(TENANT, runId, "s2-branch", false));
            String rerun2 = done(client.rerun(TENANT, runId, "s2-branch", false));

            assertThat(rerun1).isNotEqualTo(runId).isNotEqualTo(rerun2);
            WorkflowRun rerun = done(client.get(TENANT, rerun1));
            assertThat(rerun.rerunOf()).contains(runId);
            assertThat(rerun.rerunStep()).contains("s2-branch");
            JsonNode body = body(standIn.requestsTo("/api/v1/workflow-runs/" + runId + "/rerun").get(0));
            assertThat(fieldNames(body)).containsExactly("from_step", "dry_run");
        }

        @Test
        void aRerunFromAMissingStepIs400RunNotRunnable() {
            String runId = done(client.start(start("k-missing-step")));

            CallOutcome.Refused<?> refused = refused(client.rerun(TENANT, runId, "s9", false));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("RUN_NOT_RUNNABLE");
        }

        @Test
        void aRerunAfterAFailedUpstreamStepIs400RunNotRunnable() {
            String runId = done(client.start(new RunStart(TENANT, "wf-broken", Map.of(), "k-broken", false)));

            CallOutcome.Refused<?> refused = refused(client.rerun(TENANT, runId, "s2-act", false));

            assertThat(refused.code()).isEqualTo("RUN_NOT_RUNNABLE");
            assertThat(done(client.rerun(TENANT, runId, "s1-fetch", false))).isNotEqualTo(runId);
        }
    }

    @Nested
    class Approvals {
        private final HttpCordumClient asAlice = new HttpCordumClient(config(standIn.baseUri()).withPrincipal("alice"),
                () -> ApiKey.of(ADMIN_KEY));

        @Test
        void onlyPendingApprovalsOfTheTenantAreListedWithTheirFields() {
            ApprovalPage page = done(client.pending(TENANT, 50, Optional.empty()));

            assertThat(page.items()).extracting(PendingApproval::jobId)
                    .containsExactly("job-1", "job-2", "job-3", "job-4");
            assertThat(page.nextCursor()).isEmpty();
            PendingApproval first = page.items().get(0);
            assertThat(first.jobState()).isEqualTo("APPROVAL_REQUIRED");
            assertThat(first.approvalStatus()).isEqualTo("pending");
            assertThat(first.workflowRunId()).isEqualTo("run-x");
            assertThat(first.gateType()).isEqualTo("approval");
            assertThat(standIn.requests().get(0).query()).contains("include_resolved=false");
        }

        @Test
        void pagesFollowTheCursor() {
            ApprovalPage first = done(client.pending(TENANT, 3, Optional.empty()));
            ApprovalPage second = done(client.pending(TENANT, 3, first.nextCursor()));

            assertThat(first.items()).hasSize(3);
            assertThat(first.nextCursor()).contains(3);
            assertThat(second.items()).extracting(PendingApproval::jobId).containsExactly("job-4");
            assertThat(second.nextCursor()).isEmpty();
        }

        @Test
        void approvingTwiceIsASuccessBothTimes() throws Exception {
            assertThat(done(asAlice.approve(TENANT, "job-2", "looks fine")))
                    .isEqualTo(new ApprovalResolution.Resolved("job-2", false));
            assertThat(done(asAlice.approve(TENANT, "job-2", "")))
                    .isEqualTo(new ApprovalResolution.Resolved("job-2", true));
            RecordedRequest request = standIn.requestsTo("/api/v1/approvals/job-2/approve").get(0);
            assertThat(request.header("X-Principal-Id")).isEqualTo("alice");
            assertThat(fieldNames(body(request))).containsExactly("reason");
        }

        @Test
        void rejectingTwiceIsASuccessBothTimes() {
            assertThat(done(asAlice.reject(TENANT, "job-2", "no"))).isEqualTo(new ApprovalResolution.Resolved("job-2",
                    false));
            assertThat(done(asAlice.reject(TENANT, "job-2", "no"))).isEqualTo(new ApprovalResolution.Resolved("job-2",
                    true));
        }

        @Test
        void rejectingAnApprovedJobIsAlreadyResolved() {
            assertThat(done(asAlice.reject(TENANT, "job-5", "too late")))
                    .isEqualTo(new ApprovalResolution.Conflict("job-5", ApprovalConflict.ALREADY_RESOLVED,
                            "approval_already_resolved"));
        }

        @Test
        void approvingOnesOwnJobIsSelfApprovalDenied() {
            assertThat(done(asAlice.approve(TENANT, "job-1", "")))
                    .isEqualTo(new ApprovalResolution.SelfApprovalDenied("job-1"));
        }

        @Test
        void anUnknownJobIsApprovalNotFound() {
            assertThat(done(asAlice.approve(TENANT, "job-404", ""))).isEqualTo(new ApprovalResolution.NotFound("job-404"));
            assertThat(done(asAlice.approve(TENANT, "job-9", ""))).isEqualTo(new ApprovalResolution.NotFound("job-9"));
        }

        @ParameterizedTest
        @EnumSource(value = ApprovalConflict.class, names = "UNRECOGNIZED", mode = EnumSource.Mode.EXCLUDE)
        void every409CodeIsATypedConflict(ApprovalConflict conflict) {
            try (CordumStandIn conflicted = standIn("apiKeys: [{key: k, principal: alice}]\napprovals:\n"
                    + "  - {jobId: j, tenant: acme, submitter: bob, conflict: " + conflict.code() + "}\n")) {
                assertThat(done(client(conflicted, "k").approve(TENANT, "j", "")))
                        .isEqualTo(new ApprovalResolution.Conflict("j", conflict, conflict.code()));
            }
        }

        @Test
        void aRetryableLockIsRetriedUntilTheApprovalGoesThrough() {
            assertThat(done(asAlice.approve(TENANT, "job-4", "")))
                    .isEqualTo(new ApprovalResolution.Resolved("job-4", false));
            assertThat(standIn.requestsTo("/api/v1/approvals/job-4/approve")).hasSize(2);
        }

        @Test
        void aLockThatOutlastsTheRetriesIsReportedAsRetryable() {
            try (CordumStandIn locked = standIn("apiKeys: [{key: k, principal: alice}]\napprovals:\n"
                    + "  - {jobId: j, tenant: acme, submitter: bob, lockContention: 50}\n")) {
                assertThat(done(client(locked, "k").reject(TENANT, "j", "")))
                        .isEqualTo(new ApprovalResolution.RetryableLock("j"));
                assertThat(locked.requests()).hasSize(ATTEMPTS);
            }
        }
    }
}
