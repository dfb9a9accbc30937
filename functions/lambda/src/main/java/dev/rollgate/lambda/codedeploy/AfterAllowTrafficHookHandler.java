package dev.rollgate.lambda.codedeploy;

import dev.rollgate.core.workflow.HookPhase;
import dev.rollgate.lambda.runtime.LambdaComponents;
import dev.rollgate.lambda.runtime.PowertoolsTelemetry;
import dev.rollgate.lambda.runtime.Telemetry;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * CodeDeploy's AfterAllowTraffic hook for the agent function's deployments (also usable from a team's own SAM
 * {@code DeploymentPreference}, whose deployments it fails closed: see {@link dev.rollgate.core.workflow.LifecycleHookStep}).
 * Input {@code {DeploymentId, LifecycleEventHookExecutionId}}; the verdict is reported with
 * PutLifecycleEventHookExecutionStatus, FAILED when it cannot be reached.
 */
public final class AfterAllowTrafficHookHandler extends LifecycleHookHandler {
    public AfterAllowTrafficHookHandler() {
        this(LambdaComponents::shared, Clock.systemUTC(), new PowertoolsTelemetry(), HookWait.withinInvocation());
    }

    public AfterAllowTrafficHookHandler(Supplier<LambdaComponents> components, Clock clock, Telemetry telemetry,
                                        HookWait wait) {
        super(HookPhase.AFTER_ALLOW_TRAFFIC, "after-allow-traffic-hook", components, clock, telemetry, wait);
    }
}
