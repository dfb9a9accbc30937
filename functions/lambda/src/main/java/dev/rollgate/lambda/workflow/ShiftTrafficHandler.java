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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The workflow's ShiftTraffic task. Input {@code {rolloutId, stageIndex, weight}}: the stage and weight are
 * validated and logged, but the stored rollout decides what is shifted, so a stale or replayed input cannot move
 * traffic the lifecycle did not ask for.
 */
public final class ShiftTrafficHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static {
        SnapStartPriming.register();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ShiftTrafficHandler.class);
    private final Supplier<LambdaComponents> components;
    private final Clock clock;
    private final Telemetry telemetry;

    public ShiftTrafficHandler() {
        this(LambdaComponents::shared, Clock.systemUTC(), new PowertoolsTelemetry());
    }

    public ShiftTrafficHandler(Supplier<LambdaComponents> components, Clock clock, Telemetry telemetry) {
        this.components = components;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Invocation.run("shift-traffic", context, telemetry, () -> {
            Input input = Input.of(event, "shift-traffic input");
            String rolloutId = input.requiredText("rolloutId");
            Invocation.rollout(rolloutId);
            int stageIndex = input.requiredIntBetween("stageIndex", 0, Integer.MAX_VALUE);
            int weight = input.requiredIntBetween("weight", 0, 100);
            LOG.info("shifting traffic for stage {} to weight {}", stageIndex, weight);
            WorkflowStep step = components.get().shiftTraffic().run(rolloutId, clock.instant());
            return new Invocation.Result(StepJson.of(step), step.next().name());
        });
    }
}
