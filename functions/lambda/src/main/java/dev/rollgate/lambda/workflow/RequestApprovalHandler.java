package dev.rollgate.lambda.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
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
 * The workflow's AwaitApproval task, invoked with a task token ({@code lambda:invoke.waitForTaskToken}). Input
 * {@code {rolloutId, stageIndex, taskToken}}; the token is stored server side and never logged or returned.
 * Step Functions ignores the return value: the workflow continues when the decision completes the token.
 */
public final class RequestApprovalHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static {
        SnapStartPriming.register();
    }

    private final Supplier<LambdaComponents> components;
    private final Clock clock;
    private final Telemetry telemetry;

    public RequestApprovalHandler() {
        this(LambdaComponents::shared, Clock.systemUTC(), new PowertoolsTelemetry());
    }

    public RequestApprovalHandler(Supplier<LambdaComponents> components, Clock clock, Telemetry telemetry) {
        this.components = components;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Invocation.run("request-approval", context, telemetry, () -> {
            Input input = Input.of(event, "request-approval input");
            String rolloutId = input.requiredText("rolloutId");
            Invocation.rollout(rolloutId);
            int stageIndex = input.requiredIntBetween("stageIndex", 0, Integer.MAX_VALUE);
            String taskToken = input.requiredText("taskToken");
            components.get().requestApproval().run(rolloutId, taskToken, clock.instant());
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("rolloutId", rolloutId);
            output.put("stageIndex", stageIndex);
            output.put("approvalRequested", true);
            return new Invocation.Result(output, "APPROVAL_REQUESTED");
        });
    }
}
