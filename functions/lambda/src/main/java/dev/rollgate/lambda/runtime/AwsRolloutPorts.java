package dev.rollgate.lambda.runtime;

import dev.rollgate.aws.dynamodb.DynamoDbStateStores;
import dev.rollgate.aws.dynamodb.TableNames;
import dev.rollgate.aws.eventbridge.EventBridgeLifecycleEvents;
import dev.rollgate.aws.stepfunctions.StepFunctionsTaskCallbacks;
import dev.rollgate.aws.stepfunctions.StepFunctionsWorkflowExecutions;
import dev.rollgate.aws.traffic.CodeDeployHookReporter;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.traffic.LifecycleHookReporter;
import dev.rollgate.core.workflow.LifecycleEvents;
import dev.rollgate.core.workflow.PreflightCheck;
import dev.rollgate.core.workflow.StageJudge;
import dev.rollgate.core.workflow.TaskCallbacks;
import dev.rollgate.core.workflow.TrafficControl;
import dev.rollgate.core.workflow.WindowDecoder;
import dev.rollgate.core.workflow.WorkflowExecutions;
import dev.rollgate.lambda.codedeploy.HookVerdicts;

import java.util.Map;

/**
 * The deployed adapters, each built on first use from the function's environment. Ports whose adapters are
 * finished on other branches (Cordum preflight, traffic control over the drivers, the judge and window parser,
 * hook verdicts) fail with {@link AdapterNotWiredException} until the project lead wires them here.
 */
public final class AwsRolloutPorts implements RolloutPorts {
    private final Configuration config;
    private final AwsClients clients;
    private final Lazy<StateStores> stores;
    private final Lazy<LifecycleEvents> events;
    private final Lazy<TaskCallbacks> callbacks;
    private final Lazy<WorkflowExecutions> executions;
    private final Lazy<LifecycleHookReporter> hookReporter;

    public AwsRolloutPorts(Configuration config, AwsClients clients) {
        this.config = config;
        this.clients = clients;
        // Configuration is read before a client is built, so a missing variable is named without any SDK set-up.
        stores = Lazy.of(() -> {
            TableNames tables = TableNames.fromEnvironment(config.asMap());
            return DynamoDbStateStores.create(clients.dynamo(), tables);
        });
        events = Lazy.of(() -> {
            String bus = config.require(Configuration.EVENT_BUS);
            return new BestEffortLifecycleEvents(new EventBridgeLifecycleEvents(clients.events(), bus));
        });
        callbacks = Lazy.of(() -> new StepFunctionsTaskCallbacks(clients.sfn()));
        executions = Lazy.of(() -> {
            String stateMachineArn = config.require(Configuration.STATE_MACHINE_ARN);
            return new StepFunctionsWorkflowExecutions(clients.sfn(), stateMachineArn);
        });
        hookReporter = Lazy.of(() -> new CodeDeployHookReporter(clients.codeDeploy()));
    }

    public static AwsRolloutPorts fromEnvironment(Map<String, String> env) {
        return new AwsRolloutPorts(new Configuration(env), new AwsClients());
    }

    public AwsClients clients() {
        return clients;
    }

    @Override
    public StateStores stores() {
        return stores.get();
    }

    @Override
    public LifecycleEvents lifecycleEvents() {
        return events.get();
    }

    @Override
    public TaskCallbacks taskCallbacks() {
        return callbacks.get();
    }

    @Override
    public WorkflowExecutions workflowExecutions() {
        return executions.get();
    }

    @Override
    public PreflightCheck preflightCheck() {
        throw new AdapterNotWiredException("PreflightCheck", "branch cordum: PreflightGate over HttpCordumClient");
    }

    @Override
    public TrafficControl trafficControl() {
        throw new AdapterNotWiredException("TrafficControl",
                "branch traffic: AliasTrafficDriver / CodeDeployTrafficDriver");
    }

    @Override
    public StageJudge stageJudge() {
        throw new AdapterNotWiredException("StageJudge", "branch judge: the stage evaluator");
    }

    @Override
    public WindowDecoder windowDecoder() {
        throw new AdapterNotWiredException("WindowDecoder", "branch judge: the window parser");
    }

    @Override
    public HookVerdicts hookVerdicts() {
        throw new AdapterNotWiredException("HookVerdicts", "branch traffic: the codedeploy driver's deployment records");
    }

    @Override
    public LifecycleHookReporter hookReporter() {
        return hookReporter.get();
    }

    @Override
    public String tenant() {
        return config.require(Configuration.TENANT);
    }
}
