package dev.rollgate.lambda.runtime;

import dev.rollgate.core.workflow.DecideApproval;
import dev.rollgate.core.workflow.EvaluateStep;
import dev.rollgate.core.workflow.IngestMetricWindow;
import dev.rollgate.core.workflow.LifecycleHookStep;
import dev.rollgate.core.workflow.PolicyCache;
import dev.rollgate.core.workflow.PreflightStep;
import dev.rollgate.core.workflow.RecordOutcomeStep;
import dev.rollgate.core.workflow.RequestApprovalStep;
import dev.rollgate.core.workflow.RollBackStep;
import dev.rollgate.core.workflow.RolloutAdvancer;
import dev.rollgate.core.workflow.ShiftTrafficStep;
import dev.rollgate.core.workflow.StartRollout;
import dev.rollgate.core.workflow.StepPlanner;
import dev.rollgate.core.workflow.TaskTokenApprovalCallback;

/**
 * The composition root: the handlers' use cases, each built on first use from the ports. One instance per Lambda
 * execution environment ({@link #shared()}), so clients and caches survive between invocations and a function
 * only builds (and only needs configuration for) what its own handler uses.
 */
public final class LambdaComponents {
    private static final Lazy<LambdaComponents> SHARED = Lazy.of(
            () -> new LambdaComponents(AwsRolloutPorts.fromEnvironment(System.getenv())));

    private final RolloutPorts ports;
    private final Lazy<RolloutAdvancer> advancer;
    private final Lazy<StartRollout> startRollout;
    private final Lazy<PreflightStep> preflight;
    private final Lazy<ShiftTrafficStep> shiftTraffic;
    private final Lazy<EvaluateStep> evaluate;
    private final Lazy<RequestApprovalStep> requestApproval;
    private final Lazy<RollBackStep> rollBack;
    private final Lazy<RecordOutcomeStep> recordOutcome;
    private final Lazy<IngestMetricWindow> ingest;
    private final Lazy<DecideApproval> decideApproval;
    private final Lazy<LifecycleHookStep> hooks;

    public LambdaComponents(RolloutPorts ports) {
        this.ports = ports;
        advancer = Lazy.of(() -> new RolloutAdvancer(ports.stores().rollouts(), ports.lifecycleEvents(),
                new PolicyCache(), new StepPlanner()));
        startRollout = Lazy.of(() -> new StartRollout(ports.stores().starts(), ports.stores().policies(),
                ports.workflowExecutions(), ports.knownTenants()));
        preflight = Lazy.of(() -> new PreflightStep(advancer.get(), ports.preflightCheck()));
        shiftTraffic = Lazy.of(() -> new ShiftTrafficStep(advancer.get(), ports.trafficControl()));
        evaluate = Lazy.of(() -> new EvaluateStep(advancer.get(), ports.stageJudge(), ports.stores().windows(),
                ports.stores().approvals()));
        requestApproval = Lazy.of(() -> new RequestApprovalStep(advancer.get(), ports.stores().approvals(),
                ports.stores().history(), ports.taskCallbacks()));
        rollBack = Lazy.of(() -> new RollBackStep(advancer.get(), ports.trafficControl()));
        recordOutcome = Lazy.of(() -> new RecordOutcomeStep(advancer.get()));
        ingest = Lazy.of(() -> new IngestMetricWindow(ports.windowDecoder(), ports.stores().windows(),
                ports.stores().rollouts()));
        decideApproval = Lazy.of(() -> new DecideApproval(ports.stores().approvals(),
                ports.stores().rollouts(), ports.stores().history(),
                new TaskTokenApprovalCallback(ports.taskCallbacks())));
        // Read-only: the deployed hook functions may read the rollouts and the deployment guard, not run the
        // preflight (the workflow has run it before it creates a deployment).
        hooks = Lazy.of(() -> new LifecycleHookStep(ports.deploymentGuard(), ports.stores().rollouts(),
                java.util.Optional.empty(), ports.hookReporter()));
    }

    /** The components of this execution environment, configured from its environment variables. */
    public static LambdaComponents shared() {
        return SHARED.get();
    }

    /** The SDK clients behind the ports, when they are the deployed ones (for SnapStart priming). */
    public java.util.Optional<AwsClients> awsClients() {
        return ports instanceof AwsRolloutPorts aws ? java.util.Optional.of(aws.clients())
                : java.util.Optional.empty();
    }

    public String tenant() {
        return ports.tenant();
    }

    public StartRollout startRollout() {
        return startRollout.get();
    }

    public PreflightStep preflight() {
        return preflight.get();
    }

    public ShiftTrafficStep shiftTraffic() {
        return shiftTraffic.get();
    }

    public EvaluateStep evaluate() {
        return evaluate.get();
    }

    public RequestApprovalStep requestApproval() {
        return requestApproval.get();
    }

    public RollBackStep rollBack() {
        return rollBack.get();
    }

    public RecordOutcomeStep recordOutcome() {
        return recordOutcome.get();
    }

    public IngestMetricWindow ingest() {
        return ingest.get();
    }

    public DecideApproval decideApproval() {
        return decideApproval.get();
    }

    public LifecycleHookStep hooks() {
        return hooks.get();
    }
}
