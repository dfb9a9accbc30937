package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.Command;
import dev.rollgate.core.lifecycle.VerdictOutcome;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The workflow use cases wired to in-memory fakes, with a small driver that routes on {@link WorkflowStep#next()}
 * the way {@code rollout.asl.json} does, on a virtual clock.
 */
final class WorkflowFixture {
    static final String GATES_POLICY = """
            rollout_gates:
              min_data_points_per_metric: 50
              canary_lifetime_hours: 3
              metric_interval_hours: 1
              score: {pass: 95, marginal: 75}
              rollback_triggers: {max_error_rate_delta: 2.0, max_policy_deny_rate: 0.03}
            """;

    final StateStores stores = InMemoryStateStores.create();
    final RecordingTraffic traffic = new RecordingTraffic();
    final RecordingCallbacks callbacks = new RecordingCallbacks();
    final RecordingExecutions executions = new RecordingExecutions();
    final List<Command.PublishEvent> published = new ArrayList<>();
    Function<Integer, StageJudge.Assessment> judgeByStage = stage -> promote();
    PreflightCheck.Result preflightResult = new PreflightCheck.Result.Passed(Map.of("topics", "ok"));
    Instant now = Instant.parse("2026-11-27T10:00:00Z");

    final RolloutAdvancer advancer = new RolloutAdvancer(stores.rollouts(),
            (rollout, event, at) -> published.add(event), new PolicyCache(), new StepPlanner());
    final StartRollout start = new StartRollout(stores.starts(), stores.policies(), executions,
            StartRollout.anyTenant());
    final PreflightStep preflight = new PreflightStep(advancer, (r, p, t) -> preflightResult);
    final ShiftTrafficStep shift = new ShiftTrafficStep(advancer, traffic);
    final EvaluateStep evaluate = new EvaluateStep(advancer,
            (RolloutPolicy p, int stage, List<MetricWindow> b, List<MetricWindow> c, Duration e) ->
                    judgeByStage.apply(stage), stores.windows(), stores.approvals());
    final RequestApprovalStep requestApproval = new RequestApprovalStep(advancer, stores.approvals(), stores.history(), callbacks);
    final RollBackStep rollBack = new RollBackStep(advancer, traffic);
    final RecordOutcomeStep recordOutcome = new RecordOutcomeStep(advancer);
    final DecideApproval decide = new DecideApproval(stores.approvals(), stores.rollouts(), stores.history(),
            new TaskTokenApprovalCallback(callbacks));
    final OperatorActions operator = new OperatorActions(advancer, stores.approvals(), callbacks, executions);

    static StageJudge.Assessment promote() {
        return new StageJudge.Assessment(Optional.empty(), VerdictOutcome.PROMOTE, 100, List.of("ALL_PASS"),
                Map.of("error_rate", "PASS"));
    }

    static StageJudge.Assessment marginal() {
        return new StageJudge.Assessment(Optional.empty(), VerdictOutcome.HOLD, 80, List.of("MARGINAL"), Map.of());
    }

    static StageJudge.Assessment trigger(dev.rollgate.core.lifecycle.TriggerCode code) {
        return new StageJudge.Assessment(Optional.of(new StageJudge.Fired(code, "ratio 2.4 > 2.0")),
                VerdictOutcome.ROLLBACK, 0, List.of(code.name()), Map.of());
    }

    String startRollout(String key) {
        StartRolloutOutcome outcome = start.start(new StartRolloutRequest("acme", "support-agent", "v2", "v1",
                "alice", null, GATES_POLICY, key), now);
        return ((StartRolloutOutcome.Started) outcome).rolloutId();
    }

    Rollout rollout(String id) {
        return stores.rollouts().get(id).orElseThrow();
    }

    /**
     * Routes steps until the workflow would finish or park on an approval task token (returned then). Waits
     * advance the virtual clock.
     */
    WorkflowStep drive(WorkflowStep step, int maxSteps) {
        for (int i = 0; i < maxSteps; i++) {
            switch (step.next()) {
                case PREFLIGHT -> step = preflight.run(step.rolloutId(), now);
                case SHIFT_TRAFFIC -> step = shift.run(step.rolloutId(), now);
                case OBSERVE -> {
                    now = now.plusSeconds(step.waitSeconds());
                    step = evaluate.run(step.rolloutId(), EvaluateStep.Kind.INTERVAL, now);
                }
                case AWAIT_APPROVAL -> {
                    String token = "token-" + i;
                    requestApproval.run(step.rolloutId(), token, now);
                    return step;
                }
                case ROLL_BACK -> step = rollBack.run(step.rolloutId(), Optional.empty(), now);
                case FINISH -> {
                    return recordOutcome.run(step.rolloutId(), now);
                }
            }
        }
        throw new AssertionError("workflow did not settle within " + maxSteps + " steps; last " + step);
    }

    WorkflowStep driveFromStart(String rolloutId) {
        return drive(advancer.currentStep(advancer.load(rolloutId), now), 2_000);
    }

    /** Traffic control that records every change it makes and is idempotent like the real drivers. */
    static final class RecordingTraffic implements TrafficControl {
        final List<Integer> changes = new ArrayList<>();
        int weight;

        @Override
        public synchronized int shift(Rollout rollout, RolloutPolicy policy, int stageIndex, int wanted) {
            if (wanted != weight) {
                weight = wanted;
                changes.add(wanted);
            }
            return weight;
        }

        @Override
        public synchronized int restoreBaseline(Rollout rollout, RolloutPolicy policy) {
            return shift(rollout, policy, -1, 0);
        }
    }

    static final class RecordingCallbacks implements TaskCallbacks {
        final List<String> tokens = new ArrayList<>();

        @Override
        public synchronized void succeed(String taskToken, String outputJson) {
            tokens.add(taskToken);
        }
    }

    static final class RecordingExecutions implements WorkflowExecutions {
        final List<String> names = new ArrayList<>();

        @Override
        public synchronized String start(String name, String rolloutId) {
            if (!names.contains(name)) {
                names.add(name);
            }
            return "exec:" + name;
        }
    }
}
