package dev.rollgate.aws.cordum;

import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.preflight.InMemoryPreflightAudit;
import dev.rollgate.core.preflight.PreflightGate;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.workflow.NextStep;
import dev.rollgate.core.workflow.PolicyCache;
import dev.rollgate.core.workflow.PreflightStep;
import dev.rollgate.core.workflow.RolloutAdvancer;
import dev.rollgate.core.workflow.StartRollout;
import dev.rollgate.core.workflow.StartRolloutOutcome;
import dev.rollgate.core.workflow.StartRolloutRequest;
import dev.rollgate.core.workflow.StepPlanner;
import dev.rollgate.core.workflow.WorkflowStep;
import dev.rollgate.core.workflow.bind.GatePreflightCheck;
import dev.rollgate.standin.CordumStandIn;
import dev.rollgate.standin.FaultSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static dev.rollgate.aws.cordum.CordumFixture.ADMIN_KEY;
import static dev.rollgate.aws.cordum.CordumFixture.ATTEMPTS;
import static dev.rollgate.aws.cordum.CordumFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cordum faults through the workflow's Preflight step (the HTTP client against the stand-in, the core gate and
 * the rollout's history): the rollout fails closed before any traffic moves, the history holds exactly one
 * preflight verdict naming the cause, the client's attempts are bounded, and a retried step calls Cordum no more.
 */
class CordumFaultHistoryTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String POLICY = """
            preflight:
              topics: [job.support.reply]
              workflow: {id: wf-support, environment: staging, input: {ticket: T-1}}
            rollout_gates:
              min_data_points_per_metric: 30
              canary_lifetime_hours: 1
              metric_interval_hours: 0.25
            """;
    /** Calls one preflight makes at most: one policy simulation per topic and one workflow dry-run. */
    private static final int CALLS = 2;

    private final CordumStandIn standIn = CordumFixture.exampleStandIn();
    private final StateStores stores = InMemoryStateStores.create();
    private final InMemoryPreflightAudit audit = new InMemoryPreflightAudit();
    private final RolloutAdvancer advancer = new RolloutAdvancer(stores.rollouts(), (r, e, at) -> { },
            new PolicyCache(), new StepPlanner());
    private final HttpCordumClient client = CordumFixture.quickClient(standIn, () -> ApiKey.of(ADMIN_KEY));
    private final PreflightStep preflight = new PreflightStep(advancer,
            new GatePreflightCheck(new PreflightGate(client, client, audit, Clock.systemUTC())));

    @AfterEach
    void stop() {
        standIn.close();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("429", FaultSettings.status(429), "unavailable"),
                Arguments.of("502", FaultSettings.status(502), "unavailable"),
                Arguments.of("503", FaultSettings.status(503), "unavailable"),
                Arguments.of("500", FaultSettings.status(500), "unavailable"),
                Arguments.of("dropped connection", FaultSettings.dropping(), "unavailable"),
                Arguments.of("malformed JSON", FaultSettings.malformed(), "unavailable"),
                Arguments.of("unknown decision value", FaultSettings.wrongDecision("DECISION_TYPE_MAYBE"), ""));
    }

    private String started() {
        StartRollout start = new StartRollout(stores.starts(), stores.policies(), (name, id) -> "exec:" + name,
                StartRollout.anyTenant());
        StartRolloutOutcome outcome = start.start(new StartRolloutRequest(TENANT, "support-agent", "v2", "v1",
                "alice", null, POLICY, "cordum-fault"), NOW);
        return ((StartRolloutOutcome.Started) outcome).rolloutId();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aCordumFaultFailsThePreflightClosedWithOneVerdictInHistory(String name, FaultSettings fault,
                                                                     String causeWord) {
        String id = started();
        standIn.clearRequests();
        standIn.setFaults(fault);

        WorkflowStep step = preflight.run(id, NOW);

        assertThat(step.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(step.next()).isNotEqualTo(NextStep.SHIFT_TRAFFIC);
        List<HistoryEvent> verdicts = events(id, PreflightStep.EVENT);
        assertThat(verdicts).singleElement().satisfies(e -> {
            assertThat(e.reasonCode()).isEqualTo("FAIL");
            assertThat(e.detail().toString()).containsIgnoringCase(causeWord);
        });
        assertThat(events(id, "TRAFFIC_SHIFTED")).isEmpty();
        int attempts = standIn.requests().size();
        assertThat(attempts).isBetween(1, ATTEMPTS * CALLS);

        WorkflowStep retried = preflight.run(id, NOW.plusSeconds(2));

        assertThat(retried.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(standIn.requests()).hasSize(attempts);
        assertThat(events(id, PreflightStep.EVENT)).hasSize(1);
    }

    @Test
    void aTransientOutageWithinTheRetriesPassesWithOneVerdict() {
        String id = started();
        standIn.clearRequests();
        standIn.setFaults(FaultSettings.status(503).times(ATTEMPTS - 1));

        WorkflowStep step = preflight.run(id, NOW);

        assertThat(step.status()).isNotEqualTo(RolloutStatus.FAILED);
        assertThat(events(id, PreflightStep.EVENT)).singleElement()
                .satisfies(e -> assertThat(e.reasonCode()).isEqualTo("PASS"));
        assertThat(standIn.requests()).hasSize(ATTEMPTS - 1 + CALLS);
    }

    private List<HistoryEvent> events(String id, String type) {
        return stores.history().read(id, PageRequest.first(200)).items().stream()
                .filter(e -> e.type().equals(type)).toList();
    }
}
