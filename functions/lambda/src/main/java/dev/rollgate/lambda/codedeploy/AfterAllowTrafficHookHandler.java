package dev.rollgate.lambda.codedeploy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.rollgate.core.workflow.HookPhase;
import dev.rollgate.lambda.runtime.LambdaComponents;
import dev.rollgate.lambda.runtime.PowertoolsTelemetry;
import dev.rollgate.lambda.runtime.SnapStartPriming;
import dev.rollgate.lambda.runtime.Telemetry;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CodeDeploy's AfterAllowTraffic hook for the agent function's deployments (also usable from a team's own SAM
 * {@code DeploymentPreference}, whose deployments it fails closed: see {@link dev.rollgate.core.workflow.LifecycleHookStep}).
 * Input {@code {DeploymentId, LifecycleEventHookExecutionId}}; the verdict is reported with
 * PutLifecycleEventHookExecutionStatus, FAILED when it cannot be reached.
 */
public final class AfterAllowTrafficHookHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static {
        SnapStartPriming.register();
    }

    private final Supplier<LambdaComponents> components;
    private final Clock clock;
    private final Telemetry telemetry;
    private final HookWait wait;

    public AfterAllowTrafficHookHandler() {
        this(LambdaComponents::shared, Clock.systemUTC(), new PowertoolsTelemetry(), HookWait.withinInvocation());
    }

    public AfterAllowTrafficHookHandler(Supplier<LambdaComponents> components, Clock clock, Telemetry telemetry,
                                      HookWait wait) {
        this.components = components;
        this.clock = clock;
        this.telemetry = telemetry;
        this.wait = wait;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return HookHandlers.handle(HookPhase.AFTER_ALLOW_TRAFFIC, "after-allow-traffic-hook", event, context, components, clock, telemetry,
                wait);
    }
}
