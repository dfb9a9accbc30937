package dev.rollgate.statemachine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollgate.core.judge.StageEvaluator;
import dev.rollgate.core.lifecycle.Command;
import dev.rollgate.core.metrics.WindowParser;
import dev.rollgate.core.policy.TrafficDriverKind;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficDriver;
import dev.rollgate.core.traffic.TrafficTarget;
import dev.rollgate.core.workflow.HookPhase;
import dev.rollgate.core.workflow.HookRun;
import dev.rollgate.core.workflow.LifecycleHookStep;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.workflow.DecideApproval;
import dev.rollgate.core.workflow.EvaluateStep;
import dev.rollgate.core.workflow.IngestMetricWindow;
import dev.rollgate.core.workflow.IngestOutcome;
import dev.rollgate.core.workflow.OperatorActions;
import dev.rollgate.core.workflow.PolicyCache;
import dev.rollgate.core.workflow.PreflightCheck;
import dev.rollgate.core.workflow.PreflightStep;
import dev.rollgate.core.workflow.RecordOutcomeStep;
import dev.rollgate.core.workflow.RequestApprovalStep;
import dev.rollgate.core.workflow.RollBackStep;
import dev.rollgate.core.workflow.RolloutAdvancer;
import dev.rollgate.core.workflow.ShiftTrafficStep;
import dev.rollgate.core.workflow.StartRollout;
import dev.rollgate.core.workflow.StepPlanner;
import dev.rollgate.core.workflow.TaskCallbacks;
import dev.rollgate.core.workflow.TaskTokenApprovalCallback;
import dev.rollgate.core.workflow.TrafficControl;
import dev.rollgate.core.workflow.WorkflowExecutions;
import dev.rollgate.core.workflow.WorkflowStep;
import dev.rollgate.core.workflow.bind.DriverTrafficControl;
import dev.rollgate.core.workflow.bind.JudgeStageAssessor;
import dev.rollgate.core.workflow.bind.ParserWindowDecoder;
import dev.rollgate.core.workflow.bind.TrafficTargets;
import dev.rollgate.statemachine.runner.CallbackOutcome;
import dev.rollgate.statemachine.runner.IdSource;
import dev.rollgate.statemachine.runner.TaskFailure;
import dev.rollgate.statemachine.runner.TaskHandler;
import dev.rollgate.statemachine.runner.TaskHandlers;
import dev.rollgate.statemachine.runner.WorkflowDefinition;
import dev.rollgate.statemachine.runner.WorkflowRunner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * rollgate wired for one machine: the real {@code rollout.asl.json} on the local runner, its Task resources bound
 * to the same use cases the Lambda handlers call, local stand-ins for the agent alias, and whatever state stores
 * and preflight the caller brings (DynamoDB on moto and the Cordum stand-in, or in-memory fakes).
 */
public final class LocalRollgate {
    /** The ASL's substitutions, pointing each Task at a local handler. */
    public static final Map<String, String> SUBSTITUTIONS = Map.of(
            "PreflightFunctionArn", "local:preflight",
            "ShiftTrafficFunctionArn", "local:shift-traffic",
            "EvaluateFunctionArn", "local:evaluate",
            "RequestApprovalFunctionArn", "local:request-approval",
            "RollBackFunctionArn", "local:roll-back",
            "RecordOutcomeFunctionArn", "local:record-outcome");
    public static final String ALIAS = "live";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkflowRunner runner;
    private final StateStores stores;
    private final LocalAgentAliases aliases;
    private final StartRollout start;
    private final DecideApproval decide;
    private final OperatorActions operator;
    private final IngestMetricWindow ingest;
    private final LocalCodeDeploys codeDeploys;
    private final Optional<LifecycleHookStep> hooks;
    private final List<PendingHook> pendingHooks = new ArrayList<>();
    private final List<Command.PublishEvent> published = new CopyOnWriteArrayList<>();
    private final InvocationObserver observer;
    private boolean delivering;

    private LocalRollgate(StateStores stores, PreflightCheck preflightCheck, Instant startTime, IdSource ids,
                          Duration maxObservationWait, UnaryOperator<TrafficControl> trafficDecorator,
                          Optional<CodeDeployWiring> codeDeploy, InvocationObserver observer) {
        this.stores = stores;
        this.observer = observer;
        Holder holder = new Holder();
        RunnerClock clock = new RunnerClock(() -> holder.runner.now());
        this.aliases = new LocalAgentAliases(clock);
        this.codeDeploys = new LocalCodeDeploys(clock, aliases);
        RolloutAdvancer advancer = new RolloutAdvancer(stores.rollouts(),
                (rollout, event, at) -> published.add(event), new PolicyCache(), new StepPlanner(maxObservationWait));
        Map<TrafficDriverKind, TrafficDriver> drivers = new EnumMap<>(TrafficDriverKind.class);
        drivers.put(TrafficDriverKind.ALIAS, aliases);
        codeDeploy.ifPresent(w -> drivers.put(TrafficDriverKind.CODEDEPLOY,
                withAgentAlias(codeDeploys, w.driver().apply(codeDeploys))));
        TrafficTargets targets = new TrafficTargets(ALIAS, Optional.empty(), codeDeploy.map(w ->
                new TrafficTargets.CodeDeploySettings(CodeDeployWiring.APPLICATION, CodeDeployWiring.DEPLOYMENT_GROUP,
                        CodeDeployWiring.BEFORE_ALLOW_TRAFFIC_HOOK, CodeDeployWiring.AFTER_ALLOW_TRAFFIC_HOOK)));
        TrafficControl traffic = trafficDecorator.apply(new DriverTrafficControl(drivers, targets));
        TaskCallbacks callbacks = (token, output) -> {
            CallbackOutcome outcome = holder.runner.sendTaskSuccess(token, output);
            if (outcome != CallbackOutcome.ACCEPTED && outcome != CallbackOutcome.TASK_TIMED_OUT) {
                throw new IllegalStateException("task callback refused: " + outcome);
            }
        };
        WorkflowExecutions executions = (name, rolloutId) -> holder.runner.start(name,
                "{\"rolloutId\":" + quote(rolloutId) + "}").executionArn();
        PreflightStep preflight = new PreflightStep(advancer, preflightCheck);
        // CodeDeploy invokes the hook functions; here every hook it starts waiting on is queued and decided by the
        // same use case the Lambda hooks run, after each task and each simulated minute (see deliverHooks).
        this.hooks = codeDeploy.map(w -> new LifecycleHookStep(w.guard(), stores.rollouts(), Optional.of(preflight),
                w.reporter().apply(codeDeploys)));
        codeDeploys.onHook(this::queueHook);
        ShiftTrafficStep shift = new ShiftTrafficStep(advancer, traffic);
        EvaluateStep evaluate = new EvaluateStep(advancer, new JudgeStageAssessor(new StageEvaluator()),
                stores.windows(), stores.approvals());
        RequestApprovalStep requestApproval = new RequestApprovalStep(advancer, stores.approvals(), stores.history(), callbacks);
        RollBackStep rollBack = new RollBackStep(advancer, traffic);
        RecordOutcomeStep recordOutcome = new RecordOutcomeStep(advancer);
        TaskHandlers handlers = TaskHandlers.builder()
                .bind("local:preflight", observed("PreflightFunction",
                        step(in -> preflight.run(id(in), holder.runner.now()))))
                .bind("local:shift-traffic", observed("ShiftTrafficFunction",
                        step(in -> delivering(shift.run(id(in), holder.runner.now())))))
                .bind("local:evaluate", observed("EvaluateFunction", step(in -> delivering(evaluate.run(id(in),
                        EvaluateStep.Kind.valueOf(text(in, "kind")), holder.runner.now())))))
                .bind("local:request-approval", observed("RequestApprovalFunction", in -> {
                    requestApproval.run(id(in), text(in, "taskToken"), holder.runner.now());
                    return JSON.createObjectNode();
                }))
                .bind("local:roll-back", observed("RollBackFunction", step(in -> delivering(rollBack.run(id(in),
                        in.hasNonNull("error") ? Optional.of(in.get("error").toString()) : Optional.empty(),
                        holder.runner.now())))))
                .bind("local:record-outcome", observed("RecordOutcomeFunction",
                        step(in -> recordOutcome.run(id(in), holder.runner.now()))))
                .build();
        holder.runner = WorkflowRunner.builder(definition(), handlers).startTime(startTime).ids(ids)
                .stateMachineName("rollgate-rollout").build();
        this.runner = holder.runner;
        this.start = new StartRollout(stores.starts(), stores.policies(), executions, StartRollout.anyTenant());
        this.decide = new DecideApproval(stores.approvals(), stores.rollouts(), stores.history(),
                new TaskTokenApprovalCallback(callbacks));
        this.operator = new OperatorActions(advancer, stores.approvals(), callbacks, executions);
        this.ingest = new IngestMetricWindow(new ParserWindowDecoder(new WindowParser()), stores.windows(),
                stores.rollouts());
    }

    public static LocalRollgate create(StateStores stores, PreflightCheck preflight, Instant startTime, IdSource ids) {
        return new LocalRollgate(stores, preflight, startTime, ids, StepPlanner.MAX_OBSERVATION_WAIT,
                UnaryOperator.identity(), Optional.empty(), InvocationObserver.NONE);
    }

    /** With an observer of every function invocation (task handlers and ingest), for the cost benchmark. */
    public static LocalRollgate create(StateStores stores, PreflightCheck preflight, Instant startTime, IdSource ids,
                                       InvocationObserver observer) {
        return new LocalRollgate(stores, preflight, startTime, ids, StepPlanner.MAX_OBSERVATION_WAIT,
                UnaryOperator.identity(), Optional.empty(), observer);
    }

    /** With a decorator around traffic control, for fault-injection tests (a handler failing after its effect). */
    public static LocalRollgate create(StateStores stores, PreflightCheck preflight, Instant startTime, IdSource ids,
                                       UnaryOperator<TrafficControl> trafficDecorator) {
        return new LocalRollgate(stores, preflight, startTime, ids, StepPlanner.MAX_OBSERVATION_WAIT,
                trafficDecorator, Optional.empty(), InvocationObserver.NONE);
    }

    /**
     * Also serving {@code driver: codedeploy} policies, with the driver, reporter and guard of {@code codeDeploy}
     * in front of the local CodeDeploy stand-ins; {@code trafficDecorator} as above.
     */
    public static LocalRollgate create(StateStores stores, PreflightCheck preflight, Instant startTime, IdSource ids,
                                       UnaryOperator<TrafficControl> trafficDecorator, CodeDeployWiring codeDeploy) {
        return new LocalRollgate(stores, preflight, startTime, ids, StepPlanner.MAX_OBSERVATION_WAIT,
                trafficDecorator, Optional.of(codeDeploy), InvocationObserver.NONE);
    }

    public static LocalRollgate create(StateStores stores, PreflightCheck preflight, Instant startTime, IdSource ids,
                                       Duration maxObservationWait) {
        return new LocalRollgate(stores, preflight, startTime, ids, maxObservationWait, UnaryOperator.identity(),
                Optional.empty(), InvocationObserver.NONE);
    }

    /** The workflow definition, read from the same file the SAM template deploys. */
    public static WorkflowDefinition definition() {
        try (InputStream in = LocalRollgate.class.getResourceAsStream("/rollout.asl.json")) {
            if (in == null) {
                throw new IllegalStateException("rollout.asl.json is not on the classpath");
            }
            return WorkflowDefinition.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SUBSTITUTIONS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read rollout.asl.json", e);
        }
    }

    public WorkflowRunner runner() {
        return runner;
    }

    public StateStores stores() {
        return stores;
    }

    public StartRollout starts() {
        return start;
    }

    public DecideApproval approvals() {
        return decide;
    }

    public OperatorActions operator() {
        return operator;
    }

    public IngestMetricWindow ingest() {
        return ingest;
    }

    /** One metric window through the ingest use case, as the ingest function receives it from the bus. */
    public IngestOutcome ingestWindow(String tenant, String windowJson, Instant now) {
        return invoke("IngestMetricWindowFunction", () -> ingest.ingest(tenant, windowJson, now));
    }

    /** Runs {@code call} as one invocation of {@code function}, seen by the observer. */
    public <T> T invoke(String function, Supplier<T> call) {
        observer.started(function);
        try {
            return call.get();
        } finally {
            observer.finished(function);
        }
    }

    private TaskHandler observed(String function, TaskHandler handler) {
        return input -> invoke(function, () -> handler.handle(input));
    }

    public List<Command.PublishEvent> published() {
        return List.copyOf(published);
    }

    public Instant now() {
        return runner.now();
    }

    /** A clock on the runner's virtual time, for components that show ages and deadlines (the console). */
    public java.time.Clock clock() {
        return RunnerClock.of(runner);
    }

    /** The local CodeDeploy stand-ins (one per agent alias), for reading deployments and their transitions. */
    public LocalCodeDeploys codeDeploys() {
        return codeDeploys;
    }

    /**
     * Decides every CodeDeploy hook that is waiting, as CodeDeploy invoking the hook functions would: a verdict is
     * reported, a pending one is asked again on the next call (the stand-in fails it after its hour). Also applies
     * whatever fell due in the stand-ins (the shift to 100 % starts the AfterAllowTraffic hook).
     */
    public void deliverHooks() {
        if (hooks.isEmpty()) {
            return;
        }
        synchronized (pendingHooks) {
            if (delivering) {
                return;
            }
            delivering = true;
        }
        try {
            codeDeploys.settle();
            boolean progressed = true;
            while (progressed) {
                progressed = false;
                List<PendingHook> waiting;
                synchronized (pendingHooks) {
                    waiting = List.copyOf(pendingHooks);
                }
                for (PendingHook hook : waiting) {
                    HookPhase phase = hook.event() == LifecycleEvent.BEFORE_ALLOW_TRAFFIC
                            ? HookPhase.BEFORE_ALLOW_TRAFFIC : HookPhase.AFTER_ALLOW_TRAFFIC;
                    HookRun run = hooks.get().run(phase, hook.deploymentId(), hook.lifecycleEventHookExecutionId(),
                            hook.deadline().minus(LocalCodeDeploy.HOOK_TIME_LIMIT), runner.now());
                    if (!run.pending()) {
                        synchronized (pendingHooks) {
                            pendingHooks.remove(hook);
                        }
                        progressed = true;
                    }
                }
            }
        } finally {
            synchronized (pendingHooks) {
                delivering = false;
            }
        }
    }

    private void queueHook(PendingHook hook) {
        synchronized (pendingHooks) {
            pendingHooks.add(hook);
        }
    }

    private WorkflowStep delivering(WorkflowStep step) {
        deliverHooks();
        return step;
    }

    /** The agent's alias exists before any rollout: the stand-in creates it at the baseline on first use. */
    private static TrafficDriver withAgentAlias(LocalCodeDeploys codeDeploys, TrafficDriver driver) {
        return new TrafficDriver() {
            @Override
            public ShiftOutcome shift(TrafficTarget target, int stageIndex, int weight) {
                codeDeploys.of(target);
                return driver.shift(target, stageIndex, weight);
            }

            @Override
            public ShiftOutcome restoreBaseline(TrafficTarget target) {
                codeDeploys.of(target);
                return driver.restoreBaseline(target);
            }

            @Override
            public ShiftOutcome promote(TrafficTarget target) {
                codeDeploys.of(target);
                return driver.promote(target);
            }

            @Override
            public int currentWeight(TrafficTarget target) {
                codeDeploys.of(target);
                return driver.currentWeight(target);
            }
        };
    }

    /** The candidate's share of the agent's alias right now (0 when the alias was never touched). */
    public int candidateWeight(Rollout rollout) {
        TrafficTarget target = TrafficTarget.alias(rollout.id(), rollout.agent(), ALIAS, rollout.baselineVersion(),
                rollout.candidateVersion());
        return aliases.alias(rollout.agent(), ALIAS).map(a -> a.currentWeight(target)).orElse(0);
    }

    private static TaskHandler step(Function<JsonNode, WorkflowStep> useCase) {
        return input -> {
            try {
                return JSON.valueToTree(useCase.apply(input));
            } catch (TaskFailure e) {
                throw e;
            } catch (RuntimeException e) {
                // The error name a Java Lambda function reports: the exception's class name.
                throw new TaskFailure(e.getClass().getName(), String.valueOf(e.getMessage()));
            }
        };
    }

    private static String id(JsonNode input) {
        return text(input, "rolloutId");
    }

    private static String text(JsonNode input, String field) {
        JsonNode value = input.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new TaskFailure("Rollgate.InvalidInput", "task input needs a text field '" + field + "'");
        }
        return value.asText();
    }

    private static String quote(String s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", s);
        return n.get("v").toString();
    }

    /** Breaks the cycle between the runner and the handlers that need it. */
    private static final class Holder {
        private WorkflowRunner runner;
    }
}
