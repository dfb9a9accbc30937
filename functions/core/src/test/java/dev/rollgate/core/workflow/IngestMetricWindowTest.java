package dev.rollgate.core.workflow;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.RejectionReason;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowParser;
import dev.rollgate.core.metrics.WindowRouting;
import dev.rollgate.core.metrics.WindowWriter;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.StateFixture;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.state.StartOutcome;
import dev.rollgate.core.workflow.bind.ParserWindowDecoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest rules: each window stored once, retried deliveries harmless, changed repeats rejected and counted. */
class IngestMetricWindowTest {
    private static final String TENANT = "acme";
    private final StateStores stores = InMemoryStateStores.create();
    private final IngestMetricWindow ingest = new IngestMetricWindow(new ParserWindowDecoder(new WindowParser()),
            stores.windows(), stores.rollouts());
    private final WindowWriter writer = new WindowWriter();
    private final Instant now = StateFixture.at(60);
    private String rolloutId;

    @BeforeEach
    void startRollout() {
        StartOutcome started = stores.starts().start("key-1", StateFixture.newRollout(TENANT, "support-agent"), now);
        rolloutId = ((StartOutcome.Started) started).rollout().id();
    }

    @Test
    void sameWindowTwiceIsStoredOnceAndTheRepeatIsAHarmlessDuplicate() {
        String json = json(window(StateFixture.at(1), 1200));
        assertThat(ingest.ingest(TENANT, json, now)).isEqualTo(new IngestOutcome.Stored(rolloutId));
        assertThat(ingest.ingest(TENANT, json, now)).isEqualTo(new IngestOutcome.Duplicate(rolloutId));
        assertThat(stored()).hasSize(1);
        assertThat(stores.windows().rejectedCounts(rolloutId)).isEmpty();
    }

    @Test
    void repeatWithOtherNumbersIsRejectedAndCountedAndTheFirstCopyStays() {
        ingest.ingest(TENANT, json(window(StateFixture.at(1), 1200)), now);
        IngestOutcome second = ingest.ingest(TENANT, json(window(StateFixture.at(1), 1300)), now);
        assertThat(second).isInstanceOfSatisfying(IngestOutcome.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.CONFLICTING_DUPLICATE.name());
            assertThat(r.scope()).isEqualTo(rolloutId);
        });
        assertThat(stored()).singleElement().satisfies(w -> assertThat(w.requests()).isEqualTo(1200));
        assertThat(stores.windows().rejectedCounts(rolloutId))
                .isEqualTo(Map.of(RejectionReason.CONFLICTING_DUPLICATE.name(), 1L));
    }

    @Test
    void windowsArrivingOutOfOrderAreAllStoredAndReadInTimeOrder() {
        for (int minute : new int[] {5, 1, 3, 2, 4}) {
            assertThat(ingest.ingest(TENANT, json(window(StateFixture.at(minute), 1000 + minute)), now))
                    .isInstanceOf(IngestOutcome.Stored.class);
        }
        assertThat(stored()).extracting(MetricWindow::windowStart).containsExactly(StateFixture.at(1),
                StateFixture.at(2), StateFixture.at(3), StateFixture.at(4), StateFixture.at(5));
    }

    @Test
    void sameWindowWithOtherRoutingFieldsIsARetriedDeliveryNotAConflict() {
        MetricWindow byId = window(StateFixture.at(1), 1200);
        ingest.ingest(TENANT, json(byId), now);
        MetricWindow withAgent = withRouting(byId, new WindowRouting(Optional.of("support-agent"),
                Optional.of("v42"), Optional.of(rolloutId)));
        assertThat(ingest.ingest(TENANT, json(withAgent), now)).isEqualTo(new IngestOutcome.Duplicate(rolloutId));
        assertThat(stores.windows().rejectedCounts(rolloutId)).isEmpty();
    }

    @Test
    void windowFromTheFutureIsRejectedWithItsReasonAndNotStored() {
        Instant tooLate = now.plus(IngestMetricWindow.MAX_CLOCK_SKEW).plus(Duration.ofMinutes(1));
        IngestOutcome outcome = ingest.ingest(TENANT, json(window(tooLate, 1200)), now);
        assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("FUTURE_WINDOW"));
        assertThat(stored()).isEmpty();
        assertThat(stores.windows().rejectedCounts(rolloutId)).isEqualTo(Map.of("FUTURE_WINDOW", 1L));
    }

    private MetricWindow window(Instant start, long requests) {
        MetricWindow w = StateFixture.window(Variant.CANARY, start);
        return new MetricWindow(w.variant(), w.windowStart(), 60, requests, w.errors(), w.latencyMs(),
                w.policyEvaluations(), w.policyDenies(), w.safetyDenies(), w.parseFailures(), w.schemaViolations(),
                w.approvalBacklog(), w.reasonCodes(), w.criticalIncidents(), Map.of(),
                new WindowRouting(Optional.empty(), Optional.empty(), Optional.of(rolloutId)));
    }

    private static MetricWindow withRouting(MetricWindow w, WindowRouting routing) {
        return new MetricWindow(w.variant(), w.windowStart(), w.windowSeconds(), w.requests(), w.errors(),
                w.latencyMs(), w.policyEvaluations(), w.policyDenies(), w.safetyDenies(), w.parseFailures(),
                w.schemaViolations(), w.approvalBacklog(), w.reasonCodes(), w.criticalIncidents(), w.custom(),
                routing);
    }

    private String json(MetricWindow window) {
        return writer.toJson(window);
    }

    private java.util.List<MetricWindow> stored() {
        return stores.windows().read(rolloutId, Variant.CANARY, StateFixture.T0, StateFixture.at(24 * 60),
                PageRequest.first(100)).items();
    }
}
