package dev.rollgate.core.workflow;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowParser;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.workflow.bind.ParserWindowDecoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad metric windows through the ingest use case, the path every EventBridge event takes: each is rejected with
 * a counted reason and a message naming the field, and the store holds nothing but the good windows afterwards.
 */
class IngestBadInputTest {
    private static final String GOOD = "{\"variant\":\"canary\",\"windowStart\":\"2026-11-27T10:00:00Z\","
            + "\"windowSeconds\":60,\"requests\":600,\"errors\":3,"
            + "\"latencyMs\":{\"p50\":120.5,\"p90\":340.0,\"p99\":910.0},\"policyEvaluations\":580,"
            + "\"policyDenies\":6,\"reasonCodes\":{\"pool_overloaded\":0}}";

    private final WorkflowFixture f = new WorkflowFixture();
    private final IngestMetricWindow ingest = new IngestMetricWindow(new ParserWindowDecoder(new WindowParser()),
            f.stores.windows(), f.stores.rollouts());
    private String rolloutId;

    @BeforeEach
    void runningRollout() {
        rolloutId = f.startRollout("ingest-bad-input");
        f.preflight.run(rolloutId, f.now);
    }

    private String routed(String json) {
        return json.replaceFirst("\\{", "{\"rolloutId\":\"" + rolloutId + "\",");
    }

    private static String with(String from, String to) {
        if (!GOOD.contains(from)) {
            throw new IllegalArgumentException("fixture does not contain " + from);
        }
        return GOOD.replace(from, to);
    }

    @ParameterizedTest(name = "{3}: {1}")
    @CsvSource(delimiter = '|', value = {
            "\"requests\":600|\"requests\":-600|requests|NEGATIVE_COUNT",
            "\"errors\":3|\"errors\":-1|errors|NEGATIVE_COUNT",
            "\"p50\":120.5|\"p50\":-1.0|latencyMs.p50|INVALID_VALUE",
            "\"p99\":910.0|\"p99\":NaN|latencyMs.p99|NON_FINITE_NUMBER",
            "\"p90\":340.0|\"p90\":Infinity|latencyMs.p90|NON_FINITE_NUMBER",
            "\"p90\":340.0|\"p90\":1e999|latencyMs.p90|NON_FINITE_NUMBER",
            "\"requests\":600|\"requests\":\"600\"|requests|WRONG_TYPE",
            "\"requests\":600|\"requests\":[600]|requests|WRONG_TYPE",
            "\"errors\":3|\"errors\":true|errors|WRONG_TYPE",
            "\"variant\":\"canary\"|\"variant\":7|variant|WRONG_TYPE",
            "\"latencyMs\":{\"p50\":120.5,\"p90\":340.0,\"p99\":910.0}|\"latencyMs\":\"fast\"|latencyMs|WRONG_TYPE",
            "\"errors\":3|\"errors\":601|errors|ERRORS_EXCEED_REQUESTS",
            "\"policyDenies\":6|\"policyDenies\":581|policyDenies|DENIES_EXCEED_EVALUATIONS",
            "\"requests\":600|\"requests\":1e30|requests|WRONG_TYPE",
            "\"requests\":600|\"requests\":9223372036854775807|requests|INVALID_VALUE",
            "\"pool_overloaded\":0|\"pool_overloaded\":9223372036854775807|reasonCodes.pool_overloaded|INVALID_VALUE",
            "\"windowSeconds\":60|\"windowSeconds\":9223372036854775807|windowSeconds|INVALID_VALUE",
            "\"p99\":910.0|\"p99\":1e300|latencyMs.p99|INVALID_VALUE",
            "\"windowStart\":\"2026-11-27T10:00:00Z\"|\"windowStart\":\"+999999999-12-31T23:59:59Z\"|windowStart|FUTURE_WINDOW",
            "\"windowStart\":\"2026-11-27T10:00:00Z\"|\"windowStart\":1764237600|windowStart|WRONG_TYPE",
            "\"errors\":3|\"errors\":3,\"colour\":\"red\"|colour|UNKNOWN_FIELD",
    })
    void aBadWindowIsRejectedNamingItsFieldAndNothingIsStored(String from, String to, String field, String reason) {
        IngestOutcome outcome = ingest.ingest("acme", routed(with(from, to)), f.now);

        assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.message()).contains(field);
        });
        assertNothingStored();
        assertThat(f.stores.windows().rejectedCounts(((IngestOutcome.Rejected) outcome).scope()))
                .containsEntry(reason, 1L);
    }

    @Test
    void malformedJsonAndNonObjectsAreRejected() {
        for (String bad : List.of("{\"variant\":", "not json", "[1,2]", "\"canary\"", "null", "",
                "{\"variant\":\"canary\",\"variant\":\"baseline\"}")) {
            assertThat(ingest.ingest("acme", bad, f.now)).as(bad).isInstanceOf(IngestOutcome.Rejected.class);
        }
        assertNothingStored();
    }

    @Test
    void aWindowFromTheFutureIsRejected() {
        IngestOutcome outcome = ingest.ingest("acme", routed(GOOD), Instant.parse("2026-11-27T09:00:00Z"));

        assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("FUTURE_WINDOW"));
        assertNothingStored();
    }

    @Test
    void anOversizedEventIsRejectedBeforeItIsRead() {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            codes.append(i == 0 ? "" : ",").append("\"code_").append(i).append("\":1");
        }
        String huge = with("\"pool_overloaded\":0", codes.toString());

        IngestOutcome outcome = ingest.ingest("acme", routed(huge), f.now);

        assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("OVERSIZED_WINDOW"));
        assertNothingStored();
    }

    @Test
    void anOversizedRoutingFieldIsRejectedInsteadOfBeingLookedUp() {
        String longId = "r-" + "x".repeat(5_000);

        IngestOutcome outcome = ingest.ingest("acme", GOOD.replaceFirst("\\{", "{\"rolloutId\":\"" + longId + "\","),
                f.now);

        assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo("INVALID_VALUE");
            assertThat(r.message()).contains("rolloutId");
        });
    }

    @Test
    void aDuplicateWithDifferentContentIsRejectedAndTheFirstKept() {
        assertThat(ingest.ingest("acme", routed(GOOD), f.now)).isInstanceOf(IngestOutcome.Stored.class);
        assertThat(ingest.ingest("acme", routed(GOOD), f.now)).isInstanceOf(IngestOutcome.Duplicate.class);

        IngestOutcome conflicting = ingest.ingest("acme", routed(with("\"errors\":3", "\"errors\":30")), f.now);

        assertThat(conflicting).isInstanceOfSatisfying(IngestOutcome.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo("CONFLICTING_DUPLICATE");
            assertThat(r.message()).contains("windowStart");
        });
        assertThat(stored()).singleElement().satisfies(w -> assertThat(w.errors()).isEqualTo(3));
        assertThat(f.stores.windows().rejectedCounts(rolloutId)).containsEntry("CONFLICTING_DUPLICATE", 1L);
    }

    @Test
    void theSameWindowRoutedByAgentInsteadOfIdIsADuplicateNotAConflict() {
        ingest.ingest("acme", routed(GOOD), f.now);

        IngestOutcome byAgent = ingest.ingest("acme", GOOD.replaceFirst("\\{", "{\"agent\":\"support-agent\","),
                f.now);

        assertThat(byAgent).isInstanceOf(IngestOutcome.Duplicate.class);
    }

    private void assertNothingStored() {
        assertThat(stored()).isEmpty();
    }

    private List<MetricWindow> stored() {
        List<MetricWindow> all = new ArrayList<>();
        for (Variant v : Variant.values()) {
            all.addAll(f.stores.windows().read(rolloutId, v, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"),
                    PageRequest.first(100)).items());
        }
        return all;
    }
}
