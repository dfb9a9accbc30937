package dev.rollgate.lambda.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.core.workflow.IngestOutcome;
import dev.rollgate.lambda.runtime.Input;
import dev.rollgate.lambda.runtime.Invocation;
import dev.rollgate.lambda.runtime.LambdaComponents;
import dev.rollgate.lambda.runtime.PowertoolsTelemetry;
import dev.rollgate.lambda.runtime.SnapStartPriming;
import dev.rollgate.lambda.runtime.Telemetry;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The EventBridge target for metric windows: the event's {@code detail} is one window with its routing fields
 * ({@code agent}, {@code version}, {@code rolloutId}) beside it. A rejected window is an outcome, not an error:
 * it is counted by reason and EventBridge does not retry it; only technical failures are retried.
 */
public final class IngestMetricWindowHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static {
        SnapStartPriming.register();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<LambdaComponents> components;
    private final Clock clock;
    private final Telemetry telemetry;

    public IngestMetricWindowHandler() {
        this(LambdaComponents::shared, Clock.systemUTC(), new PowertoolsTelemetry());
    }

    public IngestMetricWindowHandler(Supplier<LambdaComponents> components, Clock clock, Telemetry telemetry) {
        this.components = components;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Invocation.run("ingest-metric-window", context, telemetry, () -> {
            Map<?, ?> detail = Input.of(event, "metric-window event").rawObject("detail");
            String json;
            try {
                json = JSON.writeValueAsString(detail);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an EventBridge detail is JSON and serialises back", e);
            }
            LambdaComponents c = components.get();
            IngestOutcome outcome = c.ingest().ingest(c.tenant(), json, clock.instant());
            Map<String, Object> output = new LinkedHashMap<>();
            String recorded;
            if (outcome instanceof IngestOutcome.Stored stored) {
                Invocation.rollout(stored.rolloutId());
                output.put("outcome", "STORED");
                output.put("rolloutId", stored.rolloutId());
                recorded = "STORED";
            } else if (outcome instanceof IngestOutcome.Duplicate duplicate) {
                Invocation.rollout(duplicate.rolloutId());
                output.put("outcome", "DUPLICATE");
                output.put("rolloutId", duplicate.rolloutId());
                recorded = "DUPLICATE";
            } else {
                IngestOutcome.Rejected rejected = (IngestOutcome.Rejected) outcome;
                output.put("outcome", "REJECTED");
                output.put("scope", rejected.scope());
                output.put("reason", rejected.reason());
                output.put("message", rejected.message());
                recorded = "REJECTED_" + rejected.reason();
            }
            return new Invocation.Result(output, recorded);
        });
    }
}
