package dev.rollgate.lambda.ingest;

import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.state.StateFixture;
import dev.rollgate.core.workflow.WindowDecoder;
import dev.rollgate.lambda.runtime.HandlerFixture;
import dev.rollgate.lambda.runtime.InvalidInputException;
import dev.rollgate.lambda.start.StartRolloutHandler;
import dev.rollgate.lambda.workflow.PreflightHandler;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.rollgate.lambda.runtime.HandlerFixture.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The EventBridge target for metric windows. */
class IngestMetricWindowHandlerTest {
    private final HandlerFixture fixture = new HandlerFixture();
    private final IngestMetricWindowHandler ingest = new IngestMetricWindowHandler(() -> fixture.components,
            HandlerFixture.CLOCK, fixture.telemetry);

    @Test
    void passesTheEventDetailWithItsRoutingFieldsToTheDecoderAndStoresTheWindowOnce() {
        String rolloutId = runningRollout();
        fixture.ports.decoder = json -> new WindowDecoder.Decoded.Accepted(
                StateFixture.window(Variant.CANARY, HandlerFixture.NOW.minusSeconds(300)));
        Map<String, Object> event = map("source", "my.agent", "detail-type", "rollgate.metric-window",
                "detail", map("variant", "canary", "requests", 1200, "agent", "support-agent", "version", "42"));

        Map<String, Object> first = ingest.handleRequest(event, null);
        Map<String, Object> second = ingest.handleRequest(event, null);

        assertThat(fixture.ports.decodedJson.get(0)).contains("\"agent\":\"support-agent\"")
                .contains("\"requests\":1200").doesNotContain("detail-type");
        assertThat(first).containsEntry("outcome", "STORED").containsEntry("rolloutId", rolloutId);
        assertThat(second).containsEntry("outcome", "DUPLICATE");
        assertThat(fixture.telemetry.invocations).contains("ingest-metric-window=STORED",
                "ingest-metric-window=DUPLICATE");
    }

    @Test
    void aRejectedWindowIsAnOutcomeWithItsReasonNotAnError() {
        fixture.ports.decoder = json -> new WindowDecoder.Decoded.Rejected("NEGATIVE_COUNT",
                "errors: must not be negative");

        Map<String, Object> out = ingest.handleRequest(map("detail", map("errors", -1)), null);

        assertThat(out).containsEntry("outcome", "REJECTED").containsEntry("reason", "NEGATIVE_COUNT");
        assertThat(fixture.telemetry.invocations).containsExactly("ingest-metric-window=REJECTED_NEGATIVE_COUNT");
    }

    @Test
    void anEventWithoutADetailObjectIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ingest.handleRequest(map("detail", "not an object"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("field 'detail': expected a JSON object, got a String");
    }

    private String runningRollout() {
        var start = new StartRolloutHandler(() -> fixture.components, HandlerFixture.CLOCK, fixture.telemetry);
        String rolloutId = (String) start.handleRequest(HandlerFixture.startRequest("ingest-1"), null)
                .get("rolloutId");
        new PreflightHandler(() -> fixture.components, HandlerFixture.CLOCK, fixture.telemetry)
                .handleRequest(map("rolloutId", rolloutId), null);
        return rolloutId;
    }
}
