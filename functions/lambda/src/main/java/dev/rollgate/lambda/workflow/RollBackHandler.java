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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The workflow's RollBack and RollBackOnError tasks. Input {@code {rolloutId, reason}} with reason LIFECYCLE, or
 * WORKFLOW_ERROR plus the caught {@code error: {Error, Cause}}; only the error name and a bounded part of the
 * cause are recorded.
 */
public final class RollBackHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Why the workflow rolls back. */
    public enum Reason {
        LIFECYCLE,
        WORKFLOW_ERROR
    }

    static final int MAX_CAUSE = 300;

    static {
        SnapStartPriming.register();
    }

    private final Supplier<LambdaComponents> components;
    private final Clock clock;
    private final Telemetry telemetry;

    public RollBackHandler() {
        this(LambdaComponents::shared, Clock.systemUTC(), new PowertoolsTelemetry());
    }

    public RollBackHandler(Supplier<LambdaComponents> components, Clock clock, Telemetry telemetry) {
        this.components = components;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Invocation.run("roll-back", context, telemetry, () -> {
            Input input = Input.of(event, "roll-back input");
            String rolloutId = input.requiredText("rolloutId");
            Invocation.rollout(rolloutId);
            Reason reason = input.requiredEnum("reason", Reason.class);
            Optional<String> workflowError = Optional.empty();
            if (reason == Reason.WORKFLOW_ERROR) {
                Input error = input.requiredObject("error");
                String cause = error.optionalText("Cause").orElse("");
                workflowError = Optional.of(error.requiredText("Error")
                        + (cause.isEmpty() ? "" : ": " + cause.substring(0, Math.min(MAX_CAUSE, cause.length()))));
            }
            WorkflowStep step = components.get().rollBack().run(rolloutId, workflowError, clock.instant());
            return new Invocation.Result(StepJson.of(step), step.next().name());
        });
    }
}
