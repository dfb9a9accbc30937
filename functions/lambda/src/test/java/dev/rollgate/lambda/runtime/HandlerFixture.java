package dev.rollgate.lambda.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test data for handler inputs: a fixed clock, ports, telemetry, and start requests. */
public final class HandlerFixture {
    public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** The default four-stage plan (shadow, canary 10, canary 50, full) with the common gates block. */
    public static final String POLICY_YAML = """
            rollout_gates:
              min_data_points_per_metric: 50
              canary_lifetime_hours: 3
              metric_interval_hours: 1
              score:
                pass: 95
                marginal: 75
              rollback_triggers:
                max_error_rate_delta: 2.0
                max_policy_deny_rate: 0.03
            """;

    public final InMemoryRolloutPorts ports = new InMemoryRolloutPorts();
    public final LambdaComponents components = new LambdaComponents(ports);
    public final RecordingTelemetry telemetry = new RecordingTelemetry();

    public static Map<String, Object> startRequest(String key) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("tenant", InMemoryRolloutPorts.TENANT);
        request.put("agent", "support-agent");
        request.put("candidateVersion", "42");
        request.put("baselineVersion", "41");
        request.put("requester", "alice@example.com");
        request.put("policyYaml", POLICY_YAML);
        request.put("idempotencyKey", key);
        return request;
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
