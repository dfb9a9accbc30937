package dev.rollgate.lambda.runtime;

import dev.rollgate.aws.dynamodb.DynamoDbStateStores;
import dev.rollgate.aws.dynamodb.TableNames;
import dev.rollgate.aws.eventbridge.EventBridgeLifecycleEvents;
import dev.rollgate.aws.stepfunctions.StepFunctionsTaskCallbacks;
import dev.rollgate.aws.stepfunctions.StepFunctionsWorkflowExecutions;
import dev.rollgate.aws.cordum.CordumClientConfig;
import dev.rollgate.aws.cordum.HttpCordumClient;
import dev.rollgate.aws.cordum.SsmApiKeySource;
import dev.rollgate.aws.traffic.AliasTrafficDriver;
import dev.rollgate.aws.traffic.CodeDeployHookReporter;
import dev.rollgate.aws.traffic.CodeDeployTrafficDriver;
import dev.rollgate.aws.traffic.DynamoDbDeploymentGuard;
import dev.rollgate.core.judge.StageEvaluator;
import dev.rollgate.core.metrics.WindowParser;
import dev.rollgate.core.policy.TrafficDriverKind;
import dev.rollgate.core.preflight.PreflightGate;
import dev.rollgate.core.workflow.bind.DriverTrafficControl;
import dev.rollgate.core.workflow.bind.GatePreflightCheck;
import dev.rollgate.core.workflow.bind.JudgeStageAssessor;
import dev.rollgate.core.workflow.bind.ParserWindowDecoder;
import dev.rollgate.core.workflow.bind.TrafficTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;
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

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The deployed adapters, each built on first use from the function's environment: DynamoDB state, EventBridge
 * events, Step Functions, the Cordum preflight gate (API key from SSM), the alias and CodeDeploy traffic drivers,
 * the judge and the window parser, and the DynamoDB deployment guard the CodeDeploy driver and hooks share.
 */
public final class AwsRolloutPorts implements RolloutPorts {
    private final Configuration config;
    private final AwsClients clients;
    private final Lazy<StateStores> stores;
    private final Lazy<LifecycleEvents> events;
    private final Lazy<TaskCallbacks> callbacks;
    private final Lazy<WorkflowExecutions> executions;
    private final Lazy<LifecycleHookReporter> hookReporter;
    private final Lazy<PreflightCheck> preflight;
    private final Lazy<TrafficControl> traffic;
    private final Lazy<DeploymentGuard> guard;
    private final Lazy<StageJudge> judge = Lazy.of(() -> new JudgeStageAssessor(new StageEvaluator()));
    private final Lazy<WindowDecoder> decoder = Lazy.of(() -> new ParserWindowDecoder(new WindowParser()));
    /** How long a cached Cordum API key is used before SSM is asked again (rotation takes effect within it). */
    static final Duration API_KEY_MAX_AGE = Duration.ofMinutes(5);
    /** How long the record of a started CodeDeploy deployment is kept (longer than any rollout). */
    static final Duration DEPLOYMENT_RECORD_RETENTION = Duration.ofDays(60);
    private static final Logger LOG = LoggerFactory.getLogger(AwsRolloutPorts.class);

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
            // The EventBridge client is built at the first event, not with the use case: an Evaluate inside a
            // stage publishes nothing, and a client costs tens of milliseconds on a cold JVM.
            Lazy<LifecycleEvents> eventBridge = Lazy.of(() -> new EventBridgeLifecycleEvents(clients.events(), bus));
            return new BestEffortLifecycleEvents((rollout, event, at) -> eventBridge.get().publish(rollout, event, at));
        });
        callbacks = Lazy.of(() -> new StepFunctionsTaskCallbacks(clients.sfn()));
        executions = Lazy.of(() -> {
            String stateMachineArn = config.require(Configuration.STATE_MACHINE_ARN);
            return new StepFunctionsWorkflowExecutions(clients.sfn(), stateMachineArn);
        });
        hookReporter = Lazy.of(() -> new CodeDeployHookReporter(clients.codeDeploy()));
        preflight = Lazy.of(() -> {
            CordumClientConfig cordum = CordumClientConfig.fromEnvironment(config.asMap());
            String keyParameter = config.require(Configuration.CORDUM_API_KEY_PARAMETER);
            HttpCordumClient client = new HttpCordumClient(cordum, new SsmApiKeySource(
                    SSMProvider.builder().withClient(clients.ssm()).build(), keyParameter, API_KEY_MAX_AGE));
            return new GatePreflightCheck(new PreflightGate(client, client, event -> LOG.info(
                    "preflight call for stage {}: {} in {} ms", event.stage(),
                    event.result().getClass().getSimpleName(), event.elapsed().toMillis()), Clock.systemUTC()));
        });
        guard = Lazy.of(() -> {
            String table = TableNames.fromEnvironment(config.asMap()).idempotency();
            return new DynamoDbDeploymentGuard(clients.dynamo(), table, Clock.systemUTC(), DEPLOYMENT_RECORD_RETENTION);
        });
        traffic = Lazy.of(() -> {
            TrafficTargets targets = new TrafficTargets(config.require(Configuration.AGENT_ALIAS),
                    Optional.of(config.require(Configuration.AGENT_FUNCTION)), Optional.of(
                    new TrafficTargets.CodeDeploySettings(config.require(Configuration.CODEDEPLOY_APPLICATION),
                            config.require(Configuration.CODEDEPLOY_GROUP),
                            config.require(Configuration.CODEDEPLOY_BEFORE_HOOK),
                            config.require(Configuration.CODEDEPLOY_AFTER_HOOK))));
            return new DriverTrafficControl(Map.of(
                    TrafficDriverKind.ALIAS, new AliasTrafficDriver(clients.lambda()),
                    TrafficDriverKind.CODEDEPLOY, new CodeDeployTrafficDriver(clients.codeDeploy(), clients.lambda(),
                            guard.get())), targets);
        });
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
        return preflight.get();
    }

    @Override
    public TrafficControl trafficControl() {
        return traffic.get();
    }

    @Override
    public StageJudge stageJudge() {
        return judge.get();
    }

    @Override
    public WindowDecoder windowDecoder() {
        return decoder.get();
    }

    @Override
    public DeploymentGuard deploymentGuard() {
        return guard.get();
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
