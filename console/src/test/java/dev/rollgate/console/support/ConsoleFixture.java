package dev.rollgate.console.support;

import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.Role;
import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.metrics.CustomMetricValue;
import dev.rollgate.core.metrics.LatencyQuantiles;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowRouting;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.CreateOutcome;
import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.NewRollout;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutChange;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.state.UpdateOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test data for the console: the demo users, a four-stage policy, rollouts, approvals, windows and verdicts. */
public final class ConsoleFixture {
    /** The default plan: shadow, canary-1 (10 %), canary-2 (50 %), full (100 %). */
    public static final String POLICY_YAML = """
            rollout_gates:
              min_data_points_per_metric: 50
              canary_lifetime_hours: 3
              metric_interval_hours: 1
              score:
                pass: 95
                marginal: 75
              rollback_triggers:
                max_error_rate_delta: 2.0
                max_policy_deny_rate: 0.03
            """;
    /** The default plan with two agent-quality families, an eval score and tool-call rejections (issue 12). */
    public static final String QUALITY_POLICY_YAML = POLICY_YAML + """
            custom_metrics:
              - {name: eval_score, kind: score, direction: decrease, critical: true, allowed_effect: 0.02,
                 rollback_below: 0.7}
              - {name: tool_call_rejections, kind: count, direction: increase, allowed_effect: 0.25,
                 rollback_above: 0.01}
            """;
    public static final String ACME = "acme";
    public static final String GLOBEX = "globex";
    public static final String ALICE = "alice@example.com";
    public static final String BOB = "bob@example.com";
    public static final String VERA = "vera@example.com";
    public static final String OLGA = "olga@example.com";

    private ConsoleFixture() {
    }

    /** The requester of the fixture's rollouts; an operator and approver. */
    public static ConsoleUser alice() {
        return ConsoleUser.of(ALICE, List.of(Role.OPERATOR, Role.APPROVER), List.of(ACME));
    }

    public static ConsoleUser bob() {
        return ConsoleUser.of(BOB, List.of(Role.APPROVER), List.of(ACME));
    }

    public static ConsoleUser vera() {
        return ConsoleUser.of(VERA, List.of(Role.VIEWER), List.of(ACME));
    }

    public static ConsoleUser olga() {
        return ConsoleUser.of(OLGA, List.of(Role.OPERATOR), List.of(ACME, GLOBEX));
    }

    public static ConsoleUser globexApprover() {
        return ConsoleUser.of("gina@example.com", List.of(Role.APPROVER), List.of(GLOBEX));
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Rollout start(StateStores stores, String tenant, String agent, String requester, Instant at) {
        return start(stores, tenant, agent, requester, at, POLICY_YAML);
    }

    public static Rollout start(StateStores stores, String tenant, String agent, String requester, Instant at,
                                String policyYaml) {
        NewRollout request = new NewRollout(unique("ro"), tenant, agent, "v42", "v41", requester, "default", 1,
                policyYaml);
        return ((CreateOutcome.Created) stores.rollouts().create(request, at)).rollout();
    }

    /** Moves a rollout to {@code status} at stage {@code stageIndex} with {@code weight}, writing the events. */
    public static Rollout move(StateStores stores, String rolloutId, RolloutStatus status, int stageIndex, int weight,
                               Optional<Double> score, Instant at, HistoryEntry... events) {
        Rollout current = stores.rollouts().get(rolloutId).orElseThrow();
        boolean newStage = current.state().stageIndex() != stageIndex;
        RolloutState state = new RolloutState(status, stageIndex, weight,
                newStage ? at : current.state().stageEnteredAt(), at, status.name());
        UpdateOutcome outcome = stores.rollouts().update(new RolloutChange(rolloutId, current.version(), state,
                score, at, List.of(events)));
        return ((UpdateOutcome.Updated) outcome).rollout();
    }

    public static HistoryEntry stageEntered(Instant at, String stage, int weight) {
        return new HistoryEntry(at, "STAGE_ENTERED", "system:workflow", "TRAFFIC_SHIFT_CONFIRMED",
                Map.of("stage", stage, "weight", Integer.toString(weight)));
    }

    /** A verdict event in the console's vocabulary with two explained metrics. */
    public static HistoryEntry gateEvaluated(Instant at, String stage, double score, String scoreClass) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("stage", stage);
        detail.put("score", Double.toString(score));
        detail.put("scoreClass", scoreClass);
        detail.put("metric.error_rate.result", "PASS");
        detail.put("metric.error_rate.canary", "0.0052");
        detail.put("metric.error_rate.baseline", "0.0049");
        detail.put("metric.error_rate.pValue", "0.41");
        detail.put("metric.error_rate.threshold", "allowed effect 25%");
        detail.put("metric.error_rate.explanation", "no significant increase");
        detail.put("metric.latency_p99.result", "MARGINAL");
        detail.put("metric.latency_p99.canary", "1010");
        detail.put("metric.latency_p99.baseline", "930");
        detail.put("metric.latency_p99.pValue", "0.04");
        detail.put("metric.latency_p99.threshold", "allowed effect 10%");
        return new HistoryEntry(at, "GATE_EVALUATED", "system:judge", "VERDICT_CONTINUE", detail);
    }

    /** A verdict as the judge writes it for the quality policy: one built-in and the two custom families. */
    public static HistoryEntry gateEvaluatedWithQuality(Instant at, String stage, String trigger) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("stage", stage);
        detail.put("score", "0.0");
        detail.put("scoreClass", "FAIL");
        detail.put("metric.error_rate.result", "PASS");
        detail.put("metric.error_rate.explanation", "error_rate: no shift beyond tolerance");
        detail.put("metric.eval_score.result", "FAIL");
        detail.put("metric.eval_score.canary", "0.77");
        detail.put("metric.eval_score.baseline", "0.82");
        detail.put("metric.eval_score.threshold", "0.0164");
        detail.put("metric.eval_score.explanation", "eval_score: canary lower than baseline beyond tolerance");
        detail.put("metric.tool_call_rejections.result", "PASS");
        detail.put("metric.tool_call_rejections.explanation", "tool_call_rejections: no shift beyond tolerance");
        if (!trigger.isEmpty()) {
            detail.put("trigger", trigger);
        }
        return new HistoryEntry(at, "GATE_EVALUATED", "system:judge", "VERDICT_ROLLBACK", detail);
    }

    /** A window carrying the quality families; {@code evalMean} null leaves the score family out of it. */
    public static MetricWindow qualityWindow(Variant variant, Instant start, Double evalMean, long rejected,
                                             long calls) {
        Map<String, CustomMetricValue> custom = new LinkedHashMap<>();
        if (evalMean != null) {
            custom.put("eval_score", new CustomMetricValue.ScoreSummary(40, evalMean, evalMean - 0.2, evalMean,
                    Math.min(1, evalMean + 0.15)));
        }
        custom.put("tool_call_rejections", new CustomMetricValue.CountPair(rejected, calls));
        return new MetricWindow(variant, start, 300, 1000, 5, Optional.of(new LatencyQuantiles(100, 200, 400)),
                500, 10, 0, 0, 0, 0, Map.of(), 0, custom, WindowRouting.NONE);
    }

    public static ApprovalRequest requestApproval(StateStores stores, Rollout rollout, String stage, String reason,
                                                  Instant at, Duration timeout) {
        ApprovalRequest request = ApprovalRequest.pending(unique("ap"), rollout.id(), rollout.tenant(), stage,
                reason, rollout.requester(), "task-token-" + UUID.randomUUID(), at, at.plus(timeout));
        stores.approvals().request(request);
        // As the workflow's approval step does: the detail page finds the request through this event.
        stores.history().append(rollout.id(), new HistoryEntry(at, "APPROVAL_REQUESTED", "system:workflow", reason,
                Map.of("approvalId", request.id(), "stage", stage)));
        return request;
    }

    public static MetricWindow window(Variant variant, Instant start, long requests, long errors, double p99) {
        return new MetricWindow(variant, start, 300, requests, errors,
                Optional.of(new LatencyQuantiles(p99 / 3, p99 / 1.5, p99)), requests / 2, requests / 100, 0, 0, 0,
                0, Map.of(), 0, Map.of(), WindowRouting.NONE);
    }
}
