package dev.rollgate.lambda.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.rollgate.core.workflow.EvaluateStep;
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

/**
 * The workflow's Evaluate, ApprovalGranted/Rejected and ApprovalTimedOut tasks. Input
 * {@code {rolloutId, stageIndex, kind}} with kind INTERVAL, APPROVAL_DECIDED or APPROVAL_TIMED_OUT.
 */
public final class EvaluateHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static {
        SnapStartPriming.register();
    }

    private final Supplier<LambdaComponents> components;
    private final Clock clock;
    private final Telemetry telemetry;

    public EvaluateHandler() {
        this(LambdaComponents::shared, Clock.systemUTC(), new PowertoolsTelemetry());
    }

    public EvaluateHandler(Supplier<LambdaComponents> components, Clock clock, Telemetry telemetry) {
        this.components = components;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Invocation.run("evaluate", context, telemetry, () -> {
            Input input = Input.of(event, "evaluate input");
            String rolloutId = input.requiredText("rolloutId");
            Invocation.rollout(rolloutId);
            input.requiredIntBetween("stageIndex", 0, Integer.MAX_VALUE);
            EvaluateStep.Kind kind = input.requiredEnum("kind", EvaluateStep.Kind.class);
            WorkflowStep step = components.get().evaluate().run(rolloutId, kind, clock.instant());
            return new Invocation.Result(StepJson.of(step), step.next().name());
        });
    }
}
