package dev.rollgate.aws.cordum;

import dev.rollgate.aws.testing.SecretScan;
import dev.rollgate.core.policy.PreflightSpec;
import dev.rollgate.core.preflight.CallOutcome;
import dev.rollgate.core.preflight.InMemoryPreflightAudit;
import dev.rollgate.core.preflight.PolicyQuery;
import dev.rollgate.core.preflight.PreflightContext;
import dev.rollgate.core.preflight.PreflightGate;
import dev.rollgate.core.preflight.PreflightVerdict;
import dev.rollgate.core.preflight.RunStart;
import dev.rollgate.standin.CordumStandIn;
import dev.rollgate.standin.FaultSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rollgate.aws.cordum.CordumFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Drives every call, success and failure, and scans logs, history and printed values for the API key. The
 * whole-rollout scan (workflow, DynamoDB, console pages) is {@code SecretScanIT} in the sandbox module.
 */
class ApiKeySecrecyTest {
    private static final String KEY = "sk-live-7f3a9c1e5b2d8064";

    @Test
    void theApiKeyAppearsInNoLogLineHistoryEntryOrPrintedValue() {
        List<String> printed = new ArrayList<>();
        SecretScan scan = SecretScan.of(KEY);
        InMemoryPreflightAudit audit = new InMemoryPreflightAudit();
        try (CordumStandIn standIn = CordumFixture.standIn("apiKeys: [{key: " + KEY + ", principal: alice}]\n"
                + "topics: {job.a: {decision: DECISION_TYPE_ALLOW}}\n"
                + "workflows: {wf: {steps: [{stepId: s1}, {stepId: s2, decision: DENY}]}}\n"
                + "approvals: [{jobId: j1, tenant: acme, submitter: bob}, {jobId: j2, tenant: acme, submitter: alice}]\n");
             CapturedLogs logs = CapturedLogs.capture()) {
            ApiKeySource keys = () -> ApiKey.of(KEY);
            HttpCordumClient client = CordumFixture.quickClient(standIn, keys);
            CordumClientConfig config = CordumFixture.quickConfig(standIn.baseUri());
            PreflightGate gate = new PreflightGate(client, client, audit, Clock.systemUTC());
            PreflightSpec spec = new PreflightSpec(List.of("job.a", "job.b"),
                    Optional.of(new PreflightSpec.Bundle("c1", Optional.of("topics: {}"))),
                    Optional.of(new PreflightSpec.Workflow("wf", Optional.of("prod"), Map.of())), false);
            PreflightContext context = new PreflightContext("ro-1", TENANT, "bot", "canary");

            // Warm up with roomy timeouts so the quick client below sees answers, not cold-start timeouts.
            new HttpCordumClient(CordumFixture.config(standIn.baseUri()), keys)
                    .simulate(new PolicyQuery(TENANT, "job.a", Map.of()));
            PreflightVerdict healthy = gate.check(spec, context);
            assertThat(healthy).isInstanceOf(PreflightVerdict.Fail.class);
            printed.add(healthy.toString());

            CallOutcome<String> run = client.start(new RunStart(TENANT, "wf", Map.of(), "k-1", false));
            String runId = ((CallOutcome.Done<String>) run).value();
            printed.add(run.toString());
            printed.add(client.get(TENANT, runId).toString());
            printed.add(client.rerun(TENANT, runId, "s2", false).toString());
            printed.add(client.pending(TENANT, 10, Optional.empty()).toString());
            printed.add(client.approve(TENANT, "j1", "ok").toString());
            printed.add(client.reject(TENANT, "j2", "no").toString());
            printed.add(client.approve(TENANT, "missing", "").toString());

            for (FaultSettings fault : List.of(FaultSettings.status(503), FaultSettings.status(500),
                    FaultSettings.dropping(), FaultSettings.malformed(), FaultSettings.wrongDecision("X"),
                    FaultSettings.latency(600))) {
                standIn.setFaults(fault);
                printed.add(gate.check(spec, context).toString());
                printed.add(client.rerun(TENANT, runId, "s1", false).toString());
            }
            standIn.clearFaults();
            printed.add(new HttpCordumClient(config, () -> ApiKey.of("wrong-key")).simulate(
                    new PolicyQuery(TENANT, "job.a", Map.of())).toString());

            printed.add(ApiKey.of(KEY).toString());
            printed.add(config.toString());
            printed.add(client.toString());
            printed.add(String.valueOf(catchThrowable(() -> new EnvironmentApiKeySource("CORDUM_API_KEY",
                    Map.of("CORDUM_API_KEY", " ")).current())));

            assertThat(standIn.requests()).isNotEmpty();
            scan.lines("stand-in request", standIn.requests().stream().map(Object::toString).toList());
            assertThat(logs.lines()).isNotEmpty();
            scan.lines("log", logs.lines());
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("gave up"))
                    .anySatisfy(line -> assertThat(line).startsWith("DEBUG"));
        }
        assertThat(audit.events()).hasSizeGreaterThan(10);
        scan.lines("audit event", audit.events().stream().map(Object::toString).toList())
                .lines("printed value", printed);
        assertThat(scan.findings()).isEmpty();
    }

    @Test
    void theScanFindsTheKeyInEveryFormItCouldLeakIn() {
        SecretScan tainted = SecretScan.of(KEY).text("plain", "X-API-Key: " + KEY)
                .text("url", "GET /x?key=" + java.net.URLEncoder.encode(KEY, java.nio.charset.StandardCharsets.UTF_8))
                .text("base64", "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                        KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .text("clean", "X-API-Key: <redacted>");

        assertThat(tainted.findings()).hasSize(3).noneSatisfy(f -> assertThat(f).contains(KEY));
    }
}
