package dev.rollgate.aws.cordum;

import dev.rollgate.core.policy.PreflightSpec;
import dev.rollgate.core.preflight.CallOutcome;
import dev.rollgate.core.preflight.InMemoryPreflightAudit;
import dev.rollgate.core.preflight.PolicyDecision;
import dev.rollgate.core.preflight.PolicyEvaluation;
import dev.rollgate.core.preflight.PolicyQuery;
import dev.rollgate.core.preflight.PreflightContext;
import dev.rollgate.core.preflight.PreflightGate;
import dev.rollgate.core.preflight.PreflightVerdict;
import dev.rollgate.core.preflight.RunStart;
import dev.rollgate.core.preflight.StepDecision;
import dev.rollgate.standin.CordumStandIn;
import dev.rollgate.standin.FaultSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.rollgate.aws.cordum.CordumFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fault gives the right outcome with bounded retries and a bounded total time, and the preflight fails closed.
 * Time bounds are generous ceilings (budget plus one request timeout plus slack for a busy machine), not speed
 * targets: they catch unbounded retry loops and missing timeouts.
 */
class CordumFaultTest {
    private static final Duration CEILING = QUICK_BUDGET.plus(QUICK_REQUEST_TIMEOUT).plusSeconds(3);
    private static final PolicyQuery REPLY = new PolicyQuery(TENANT, "job.support.reply", Map.of());

    private final CordumStandIn standIn = exampleStandIn();
    private final HttpCordumClient client = quickClient(standIn, () -> ApiKey.of(ADMIN_KEY));

    @BeforeEach
    void warmUp() {
        // The first exchange of a fresh JVM can be slower than the quick timeouts; faults start after it.
        new HttpCordumClient(config(standIn.baseUri()), () -> ApiKey.of(ADMIN_KEY)).simulate(REPLY);
        standIn.clearRequests();
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private static <T> String unavailableCause(CallOutcome<T> outcome) {
        assertThat(outcome).isInstanceOf(CallOutcome.Unavailable.class);
        return ((CallOutcome.Unavailable<T>) outcome).cause();
    }

    private <T> CallOutcome<T> timed(java.util.function.Supplier<CallOutcome<T>> call) {
        long start = System.nanoTime();
        CallOutcome<T> outcome = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CEILING);
        return outcome;
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503})
    void aRetryableStatusIsRetriedUpToTheAttemptLimitThenUnavailable(int status) {
        standIn.setFaults(FaultSettings.status(status));

        String cause = unavailableCause(timed(() -> client.simulate(REPLY)));

        assertThat(cause).contains("HTTP " + status).contains("after " + ATTEMPTS + " attempt(s)");
        assertThat(standIn.requests()).hasSize(ATTEMPTS);
    }

    @Test
    void aTransientStatusIsRiddenOutByTheRetries() {
        standIn.setFaults(FaultSettings.status(503).times(ATTEMPTS - 1));

        assertThat(client.simulate(REPLY)).isInstanceOf(CallOutcome.Done.class);
        assertThat(standIn.requests()).hasSize(ATTEMPTS);
    }

    @Test
    void a500IsNotRetried() {
        standIn.setFaults(FaultSettings.status(500));

        assertThat(unavailableCause(client.simulate(REPLY))).contains("HTTP 500");
        assertThat(standIn.requests()).hasSize(1);
    }

    @Test
    void aHangingServiceTimesOutWithinTheBudget() {
        standIn.setFaults(FaultSettings.hanging());

        String cause = unavailableCause(timed(() -> client.simulate(REPLY)));

        assertThat(cause).contains("no answer within");
        assertThat(standIn.requests()).hasSizeBetween(1, ATTEMPTS);
    }

    @Test
    void aDroppedConnectionIsRetriedThenUnavailable() {
        standIn.setFaults(FaultSettings.dropping());

        String cause = unavailableCause(timed(() -> client.dryRun(TENANT,
                new PreflightSpec.Workflow("wf-support", Optional.empty(), Map.of()))));

        assertThat(cause).contains("connection error");
        assertThat(standIn.requests()).hasSize(ATTEMPTS);
    }

    @Test
    void anUnreachableServiceIsUnavailable() {
        standIn.close();

        String cause = unavailableCause(timed(() -> client.simulate(REPLY)));

        assertThat(cause).contains("connection refused");
    }

    @Test
    void latencyBelowTheTimeoutIsOnlySlow() {
        standIn.setFaults(FaultSettings.latency(100));

        assertThat(client.simulate(REPLY)).isInstanceOf(CallOutcome.Done.class);
        assertThat(standIn.requests()).hasSize(1);
    }

    @Test
    void latencyAboveTheTimeoutIsATimeout() {
        standIn.setFaults(FaultSettings.latency((int) QUICK_REQUEST_TIMEOUT.toMillis() + 300));

        assertThat(unavailableCause(timed(() -> client.simulate(REPLY)))).contains("no answer within");
    }

    @Test
    void malformedJsonIsUnavailableAndNotRetried() {
        standIn.setFaults(FaultSettings.malformed());

        assertThat(unavailableCause(client.simulate(REPLY))).contains("malformed response");
        assertThat(standIn.requests()).hasSize(1);
    }

    @Test
    void anUnknownDecisionValueIsNotAllowedAndReported() {
        standIn.setFaults(FaultSettings.wrongDecision("DECISION_TYPE_MAYBE"));

        try (CapturedLogs logs = CapturedLogs.capture()) {
            CallOutcome<PolicyEvaluation> outcome = client.simulate(REPLY);

            assertThat(outcome).isInstanceOfSatisfying(CallOutcome.Done.class, done -> {
                PolicyEvaluation evaluation = (PolicyEvaluation) done.value();
                assertThat(evaluation.decision()).isEqualTo(PolicyDecision.UNRECOGNIZED);
                assertThat(evaluation.rawDecision()).isEqualTo("DECISION_TYPE_MAYBE");
            });
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("WARN")
                    .contains("DECISION_TYPE_MAYBE"));
        }
    }

    @Test
    void anUnknownStepDecisionIsUnrecognized() {
        standIn.setFaults(FaultSettings.wrongDecision("MAYBE"));

        var outcome = client.dryRun(TENANT, new PreflightSpec.Workflow("wf-support", Optional.empty(), Map.of()));

        assertThat(HttpCordumClientContractTest.done(outcome).steps())
                .allSatisfy(step -> assertThat(step.decision()).isEqualTo(StepDecision.UNRECOGNIZED));
    }

    @Test
    void aRerunIsNeverRepeatedOnItsOwn() {
        String runId = HttpCordumClientContractTest.done(client.start(new RunStart(TENANT, "wf-support",
                Map.of("ticket", "T"), "k-1", false)));
        standIn.clearRequests();
        standIn.setFaults(FaultSettings.status(503));

        assertThat(client.rerun(TENANT, runId, "s2-branch", false)).isInstanceOf(CallOutcome.Unavailable.class);
        assertThat(standIn.requests()).hasSize(1);
    }

    @Test
    void anApprovalIsNotRepeatedOnAConnectionError() {
        standIn.setFaults(FaultSettings.dropping());

        assertThat(client.approve(TENANT, "job-2", "")).isInstanceOf(CallOutcome.Unavailable.class);
        assertThat(standIn.requests()).hasSize(1);
    }

    @Test
    void aRetriedRunStartKeepsItsIdempotencyKeyAndStartsOneRun() {
        standIn.setFaults(FaultSettings.status(503).times(2));

        String runId = HttpCordumClientContractTest.done(client.start(new RunStart(TENANT, "wf-support",
                Map.of("ticket", "T"), "k-retry", false)));

        assertThat(standIn.requests()).hasSize(3)
                .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo("k-retry"));
        assertThat(standIn.runCount()).isEqualTo(1);
        assertThat(runId).isNotBlank();
    }

    @Test
    void aMissingApiKeyIsUnavailableWithoutCallingTheService() {
        HttpCordumClient keyless = quickClient(standIn, new EnvironmentApiKeySource("CORDUM_API_KEY", Map.of()));

        assertThat(unavailableCause(keyless.simulate(REPLY))).contains("CORDUM_API_KEY").contains("not set");
        assertThat(standIn.requests()).isEmpty();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("429", FaultSettings.status(429)),
                Arguments.of("500", FaultSettings.status(500)),
                Arguments.of("502", FaultSettings.status(502)),
                Arguments.of("503", FaultSettings.status(503)),
                Arguments.of("hang", FaultSettings.hanging()),
                Arguments.of("drop", FaultSettings.dropping()),
                Arguments.of("malformed JSON", FaultSettings.malformed()),
                Arguments.of("latency over timeout", FaultSettings.latency(900)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void thePreflightFailsClosedOnEveryFault(String name, FaultSettings fault) {
        standIn.setFaults(fault);
        InMemoryPreflightAudit audit = new InMemoryPreflightAudit();
        PreflightGate gate = new PreflightGate(client, client, audit, Clock.systemUTC());
        PreflightSpec spec = new PreflightSpec(List.of("job.support.reply"), Optional.empty(),
                Optional.of(new PreflightSpec.Workflow("wf-support", Optional.of("staging"), Map.of())), false);

        long start = System.nanoTime();
        PreflightVerdict verdict = gate.check(spec, new PreflightContext("ro-1", TENANT, "bot", "canary"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CEILING);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict).isInstanceOfSatisfying(PreflightVerdict.Unavailable.class, u ->
                assertThat(u.message()).startsWith("policy service unavailable: job.support.reply: policy simulate"));
        assertThat(audit.events()).isNotEmpty();
    }

    @Test
    void thePreflightFailsOnAWrongDecisionValue() {
        standIn.setFaults(FaultSettings.wrongDecision("DECISION_TYPE_MAYBE"));
        PreflightGate gate = new PreflightGate(client, client, new InMemoryPreflightAudit(), Clock.systemUTC());

        PreflightVerdict verdict = gate.check(new PreflightSpec(List.of("job.support.reply"), Optional.empty(),
                Optional.empty(), false), new PreflightContext("ro-1", TENANT, "bot", "canary"));

        assertThat(verdict).isInstanceOf(PreflightVerdict.Fail.class);
    }

    @Test
    void thePreflightPassesWhenTheServiceIsHealthy() {
        PreflightGate gate = new PreflightGate(client, client, new InMemoryPreflightAudit(), Clock.systemUTC());

        PreflightVerdict verdict = gate.check(new PreflightSpec(List.of("job.support.reply"),
                Optional.of(new PreflightSpec.Bundle("candidate-7", Optional.empty())),
                Optional.of(new PreflightSpec.Workflow("wf-support", Optional.of("staging"), Map.of())), false),
                new PreflightContext("ro-1", TENANT, "bot", "canary"));

        assertThat(verdict).isInstanceOf(PreflightVerdict.Pass.class);
    }
}
