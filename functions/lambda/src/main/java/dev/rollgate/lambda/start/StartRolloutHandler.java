package dev.rollgate.lambda.start;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.rollgate.core.workflow.StartRolloutOutcome;
import dev.rollgate.core.workflow.StartRolloutRequest;
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
 * The entry point a release pipeline invokes: {@code {tenant, agent, candidateVersion, baselineVersion,
 * requester, policyName | policyYaml, idempotencyKey}}. The same key with the same request returns the first
 * rollout and execution ({@code replayed: true}). Output {@code outcome} is STARTED, KEY_CONFLICT or INVALID
 * (with {@code problems}, each naming its field).
 */
public final class StartRolloutHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static {
        SnapStartPriming.register();
    }

    private final Supplier<LambdaComponents> components;
    private final Clock clock;
    private final Telemetry telemetry;

    public StartRolloutHandler() {
        this(LambdaComponents::shared, Clock.systemUTC(), new PowertoolsTelemetry());
    }

    public StartRolloutHandler(Supplier<LambdaComponents> components, Clock clock, Telemetry telemetry) {
        this.components = components;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Invocation.run("start-rollout", context, telemetry, () -> {
            Input input = Input.of(event, "start-rollout input");
            // Type errors are refused here; absent fields are named by the use case, all at once.
            StartRolloutRequest request = new StartRolloutRequest(text(input, "tenant"), text(input, "agent"),
                    text(input, "candidateVersion"), text(input, "baselineVersion"), text(input, "requester"),
                    text(input, "policyName"), text(input, "policyYaml"), text(input, "idempotencyKey"));
            StartRolloutOutcome outcome = components.get().startRollout().start(request, clock.instant());
            Map<String, Object> output = new LinkedHashMap<>();
            if (outcome instanceof StartRolloutOutcome.Started started) {
                Invocation.rollout(started.rolloutId());
                output.put("outcome", "STARTED");
                output.put("rolloutId", started.rolloutId());
                output.put("executionArn", started.executionId());
                output.put("replayed", started.replayed());
            } else if (outcome instanceof StartRolloutOutcome.KeyConflict conflict) {
                output.put("outcome", "KEY_CONFLICT");
                output.put("idempotencyKey", conflict.idempotencyKey());
                output.put("problems", java.util.List.of("idempotencyKey: already used for a different request"));
            } else {
                output.put("outcome", "INVALID");
                output.put("problems", ((StartRolloutOutcome.Invalid) outcome).problems());
            }
            return new Invocation.Result(output, (String) output.get("outcome"));
        });
    }

    private static String text(Input input, String field) {
        return input.optionalText(field).orElse(null);
    }
}
