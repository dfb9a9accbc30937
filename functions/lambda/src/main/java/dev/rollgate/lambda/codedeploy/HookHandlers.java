package dev.rollgate.lambda.codedeploy;

import dev.rollgate.lambda.runtime.Input;
import dev.rollgate.lambda.runtime.Invocation;
import dev.rollgate.lambda.runtime.LambdaComponents;
import dev.rollgate.lambda.runtime.Telemetry;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The body both CodeDeploy hook handlers share: read {DeploymentId, LifecycleEventHookExecutionId}, decide, report. */
final class HookHandlers {
    private HookHandlers() {
    }

    static Map<String, Object> handle(HookPhase phase, String handler, Map<String, Object> event,
                                      com.amazonaws.services.lambda.runtime.Context context,
                                      Supplier<LambdaComponents> components, Clock clock, Telemetry telemetry) {
        return Invocation.run(handler, context, telemetry, () -> {
            Input input = Input.of(event, "CodeDeploy " + phase + " hook event");
            String deploymentId = input.requiredText("DeploymentId");
            String hookExecutionId = input.requiredText("LifecycleEventHookExecutionId");
            HookOutcome outcome = components.get().hooks().run(phase, deploymentId, hookExecutionId,
                    clock.instant());
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("deploymentId", deploymentId);
            output.put("status", outcome.status().name());
            output.put("report", outcome.report().name());
            outcome.failure().ifPresent(f -> output.put("failure", f));
            return new Invocation.Result(output, outcome.status().name());
        });
    }
}
