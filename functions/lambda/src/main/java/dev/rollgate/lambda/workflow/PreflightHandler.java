package dev.rollgate.lambda.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.rollgate.core.workflow.WorkflowStep;
import dev.rollgate.lambda.runtime.Input;
import dev.rollgate.lambda.runtime.Invocation;
import dev.rollgate.lambda.runtime.LambdaComponents;
import dev.rollgate.lambda.runtime.PowertoolsTelemetry;
import dev.rollgate.lambda.runtime.SnapStartPriming;
import dev.rollgate.lambda.runtime.StepJson;
import dev.rollgate.lambda.runtime.Telemetry;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/** The workflow's Preflight task. Input {@code {rolloutId}}; output the next {@code WorkflowStep}. */
public final class PreflightHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static {
        SnapStartPriming.register();
    }

    private final Supplier<LambdaComponents> components;
    private final Clock clock;
    private final Telemetry telemetry;

    public PreflightHandler() {
        this(LambdaComponents::shared, Clock.systemUTC(), new PowertoolsTelemetry());
    }

    public PreflightHandler(Supplier<LambdaComponents> components, Clock clock, Telemetry telemetry) {
        this.components = components;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Invocation.run("preflight", context, telemetry, () -> {
            String rolloutId = Input.of(event, "preflight input").requiredText("rolloutId");
            Invocation.rollout(rolloutId);
            WorkflowStep step = components.get().preflight().run(rolloutId, clock.instant());
            return new Invocation.Result(StepJson.of(step), step.next().name());
        });
    }
}
