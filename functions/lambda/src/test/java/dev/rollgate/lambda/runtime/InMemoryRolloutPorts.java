package dev.rollgate.lambda.runtime;

import dev.rollgate.core.lifecycle.Command;
import dev.rollgate.core.lifecycle.VerdictOutcome;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.traffic.HookReportOutcome;
import dev.rollgate.core.traffic.InMemoryDeploymentGuard;
import dev.rollgate.core.traffic.LifecycleHookReporter;
import dev.rollgate.core.workflow.LifecycleEvents;
import dev.rollgate.core.workflow.PreflightCheck;
import dev.rollgate.core.workflow.StageJudge;
import dev.rollgate.core.workflow.TaskCallbacks;
import dev.rollgate.core.workflow.TrafficControl;
import dev.rollgate.core.workflow.WindowDecoder;
import dev.rollgate.core.workflow.WorkflowExecutions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Every port as an in-memory fake whose behaviour a test sets and whose calls it reads back. */
public final class InMemoryRolloutPorts implements RolloutPorts {
    public static final String TENANT = "acme";

    public final StateStores stores = InMemoryStateStores.create();
    public final List<String> publishedStatuses = new ArrayList<>();
    public final Map<String, String> completedTokens = new LinkedHashMap<>();
    public final Map<String, String> startedExecutions = new LinkedHashMap<>();
    public final List<Integer> trafficShifts = new ArrayList<>();
    public int baselineRestores;
    public final List<String> decodedJson = new ArrayList<>();
    public final List<String> hookReports = new ArrayList<>();

    public Supplier<PreflightCheck.Result> preflight = () -> new PreflightCheck.Result.Passed(Map.of("simulate", "ok"));
    public Supplier<StageJudge.Assessment> judge = () -> new StageJudge.Assessment(Optional.empty(),
            VerdictOutcome.PROMOTE, 97, List.of("PASS"), Map.of());
    public Function<String, WindowDecoder.Decoded> decoder = json -> new WindowDecoder.Decoded.Rejected(
            "NOT_SET", "no decoder behaviour set");
    public final InMemoryDeploymentGuard deploymentGuard = new InMemoryDeploymentGuard();

    @Override
    public StateStores stores() {
        return stores;
    }

    @Override
    public LifecycleEvents lifecycleEvents() {
        return (Rollout rollout, Command.PublishEvent event, Instant at) -> publishedStatuses.add(event.status().name());
    }

    @Override
    public TaskCallbacks taskCallbacks() {
        return completedTokens::put;
    }

    @Override
    public WorkflowExecutions workflowExecutions() {
        return (name, rolloutId) -> {
            startedExecutions.putIfAbsent(name, rolloutId);
            return "arn:aws:states:us-east-1:123456789012:execution:rollgate:" + name;
        };
    }

    @Override
    public PreflightCheck preflightCheck() {
        return (rollout, policy, now) -> preflight.get();
    }

    @Override
    public TrafficControl trafficControl() {
        return new TrafficControl() {
            @Override
            public int shift(Rollout rollout, RolloutPolicy policy, int stageIndex, int weight) {
                trafficShifts.add(weight);
                return weight;
            }

            @Override
            public int restoreBaseline(Rollout rollout, RolloutPolicy policy) {
                baselineRestores++;
                return 0;
            }
        };
    }

    @Override
    public StageJudge stageJudge() {
        return (RolloutPolicy policy, int stageIndex, List<MetricWindow> baseline, List<MetricWindow> canary,
                Duration elapsed) -> judge.get();
    }

    @Override
    public WindowDecoder windowDecoder() {
        return json -> {
            decodedJson.add(json);
            return decoder.apply(json);
        };
    }

    @Override
    public InMemoryDeploymentGuard deploymentGuard() {
        return deploymentGuard;
    }

    @Override
    public LifecycleHookReporter hookReporter() {
        return (deploymentId, hookExecutionId, status) -> {
            String report = deploymentId + "/" + hookExecutionId + "=" + status;
            boolean again = hookReports.contains(report);
            hookReports.add(report);
            return again ? HookReportOutcome.ALREADY_COMPLETED : HookReportOutcome.REPORTED;
        };
    }

    @Override
    public String tenant() {
        return TENANT;
    }
}
