package dev.rollgate.lambda.codedeploy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.rollgate.core.workflow.HookDecision;
import dev.rollgate.core.workflow.HookPhase;
import dev.rollgate.core.workflow.HookRun;
import dev.rollgate.core.workflow.LifecycleHookStep;
import dev.rollgate.lambda.runtime.Input;
import dev.rollgate.lambda.runtime.Invocation;
import dev.rollgate.lambda.runtime.LambdaComponents;
import dev.rollgate.lambda.runtime.SnapStartPriming;
import dev.rollgate.lambda.runtime.Telemetry;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What both CodeDeploy hook handlers do (they differ only in their phase; each is its own class because each is
 * its own function in the template): read {DeploymentId, LifecycleEventHookExecutionId}, decide with the core use
 * case and report; while the rollout's gate is pending, ask again within the invocation.
 */
abstract class LifecycleHookHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static {
        SnapStartPriming.register();
    }

    private final HookPhase phase;
    private final String handler;
    private final Supplier<LambdaComponents> components;
    private final Clock clock;
    private final Telemetry telemetry;
    private final HookWait wait;

    LifecycleHookHandler(HookPhase phase, String handler, Supplier<LambdaComponents> components, Clock clock,
                         Telemetry telemetry, HookWait wait) {
        this.phase = phase;
        this.handler = handler;
        this.components = components;
        this.clock = clock;
        this.telemetry = telemetry;
        this.wait = wait;
    }

    @Override
    public final Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Invocation.run(handler, context, telemetry, () -> {
            Input input = Input.of(event, "CodeDeploy " + phase + " hook event");
            String deploymentId = input.requiredText("DeploymentId");
            String hookExecutionId = input.requiredText("LifecycleEventHookExecutionId");
            LifecycleHookStep hooks = components.get().hooks();
            Instant started = clock.instant();
            HookRun run = hooks.run(phase, deploymentId, hookExecutionId, started, started);
            int asked = 1;
            while (run.pending() && wait.waitBeforeAskingAgain(context)) {
                run = hooks.run(phase, deploymentId, hookExecutionId, started, clock.instant());
                asked++;
            }
            String status = run.decision() instanceof HookDecision.Report report ? report.status().name() : "PENDING";
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("deploymentId", deploymentId);
            output.put("status", status);
            output.put("report", run.report().map(Enum::name).orElse("NONE"));
            output.put("reason", run.decision().reason());
            output.put("asked", asked);
            run.failure().ifPresent(f -> output.put("failure", f));
            return new Invocation.Result(output, status);
        });
    }
}
