package dev.rollgate.lambda.runtime;

import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.traffic.DeploymentGuard;
import dev.rollgate.core.traffic.LifecycleHookReporter;
import dev.rollgate.core.workflow.LifecycleEvents;
import dev.rollgate.core.workflow.PreflightCheck;
import dev.rollgate.core.workflow.StageJudge;
import dev.rollgate.core.workflow.TaskCallbacks;
import dev.rollgate.core.workflow.TrafficControl;
import dev.rollgate.core.workflow.WindowDecoder;
import dev.rollgate.core.workflow.WorkflowExecutions;

import java.util.function.Predicate;

/**
 * Every port the handlers' use cases need. {@link AwsRolloutPorts} builds the deployed adapters lazily, each on
 * first use; unit tests pass in-memory fakes. Implementations are called once per port and may build on demand.
 */
public interface RolloutPorts {
    StateStores stores();

    LifecycleEvents lifecycleEvents();

    TaskCallbacks taskCallbacks();

    WorkflowExecutions workflowExecutions();

    PreflightCheck preflightCheck();

    TrafficControl trafficControl();

    StageJudge stageJudge();

    WindowDecoder windowDecoder();

    /** The record of the CodeDeploy deployments rollgate started, which maps a hook's deployment to its rollout. */
    DeploymentGuard deploymentGuard();

    LifecycleHookReporter hookReporter();

    /** The tenant this installation serves (starts, metric routing and approvals are scoped to it). */
    String tenant();

    default Predicate<String> knownTenants() {
        String tenant = tenant();
        return tenant::equals;
    }
}
