package dev.rollgate.console.config;

import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a small, fixed set of demo rollouts for looking at the console locally
 * ({@code rollgate.console.demo-data=true}; never in AWS). Fixed ids make a restart a no-op: an existing demo
 * rollout is left as it is.
 */
@Component
@ConditionalOnProperty(name = "rollgate.console.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {
    static final String POLICY = """
            rollout_gates:
              min_data_points_per_metric: 50
              canary_lifetime_hours: 3
              metric_interval_hours: 1
              score: {pass: 95, marginal: 75}
              rollback_triggers:
                max_error_rate_delta: 2.0
                max_policy_deny_rate: 0.03
            """;
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String TENANT = "acme";
    private static final String REQUESTER = "alice@example.com";

    private final StateStores stores;
    private final Clock clock;

    DemoData(StateStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = clock.instant();
        if (stores.policies().latest(TENANT, "default-gates").isEmpty()) {
            stores.policies().publish(TENANT, "default-gates", 0, POLICY, REQUESTER, now);
        }
        rollout("demo-support-v42", "support-agent", now.minus(Duration.ofHours(3))).ifPresent(r -> {
            move(r, RolloutStatus.CANARY, 1, 10, now.minus(Duration.ofMinutes(90)), Optional.of(91.0),
                    stageEntered(now.minus(Duration.ofMinutes(150)), "shadow", 0),
                    stageEntered(now.minus(Duration.ofMinutes(90)), "canary-1", 10),
                    verdict(now.minus(Duration.ofMinutes(30)), "canary-1", 91.0, "MARGINAL"));
            windows(r.id(), now.minus(Duration.ofMinutes(90)), 18);
            Rollout held = move(stores.rollouts().get(r.id()).orElseThrow(), RolloutStatus.HOLD, 1, 10,
                    now.minus(Duration.ofMinutes(20)), Optional.empty());
            stores.approvals().request(ApprovalRequest.pending("demo-approval-support-v42", held.id(), TENANT,
                    "canary-1", "marginal-score", REQUESTER, "demo-task-token", now.minus(Duration.ofMinutes(20)),
                    now.plus(Duration.ofHours(4))));
            stores.history().append(held.id(), new HistoryEntry(now.minus(Duration.ofMinutes(20)),
                    "APPROVAL_REQUESTED", "system:workflow", "marginal-score",
                    Map.of("approvalId", "demo-approval-support-v42", "stage", "canary-1")));
        });
        rollout("demo-billing-v7", "billing-agent", now.minus(Duration.ofHours(30))).ifPresent(r ->
                move(r, RolloutStatus.PROMOTED, 3, 100, now.minus(Duration.ofHours(2)), Optional.of(98.2),
                        stageEntered(now.minus(Duration.ofHours(29)), "canary-1", 10),
                        stageEntered(now.minus(Duration.ofHours(26)), "canary-2", 50),
                        stageEntered(now.minus(Duration.ofHours(23)), "full", 100)));
        rollout("demo-search-v3", "search-agent", now.minus(Duration.ofMinutes(10))).ifPresent(r ->
                LOG.info("demo rollout {} waits in PENDING", r.id()));
    }

    private Optional<Rollout> rollout(String id, String agent, Instant at) {
        CreateOutcome outcome = stores.rollouts().create(new NewRollout(id, TENANT, agent, "v42", "v41", REQUESTER,
                "default-gates", 1, POLICY), at);
        return outcome instanceof CreateOutcome.Created created ? Optional.of(created.rollout()) : Optional.empty();
    }

    private Rollout move(Rollout r, RolloutStatus status, int stage, int weight, Instant at, Optional<Double> score,
                         HistoryEntry... events) {
        RolloutState state = new RolloutState(status, stage, weight, at, at, status.name());
        var outcome = stores.rollouts().update(new RolloutChange(r.id(), r.version(), state, score, at,
                List.of(events)));
        return outcome instanceof dev.rollgate.core.state.UpdateOutcome.Updated updated ? updated.rollout() : r;
    }

    private void windows(String rolloutId, Instant from, int count) {
        for (int i = 0; i < count; i++) {
            Instant start = from.plus(Duration.ofMinutes(5L * i));
            stores.windows().put(rolloutId, window(Variant.CANARY, start, 900, 5 + i % 4, 930 + 6 * i), clock.instant());
            stores.windows().put(rolloutId, window(Variant.BASELINE, start, 8100, 38 + i % 5, 905), clock.instant());
        }
    }

    private static MetricWindow window(Variant variant, Instant start, long requests, long errors, double p99) {
        return new MetricWindow(variant, start, 300, requests, errors,
                Optional.of(new LatencyQuantiles(p99 / 3, p99 / 1.5, p99)), requests / 2, requests / 90, 0, 0, 0, 0,
                Map.of(), 0, Map.of(), WindowRouting.NONE);
    }

    private static HistoryEntry stageEntered(Instant at, String stage, int weight) {
        return new HistoryEntry(at, "STAGE_ENTERED", "system:workflow", "TRAFFIC_SHIFT_CONFIRMED",
                Map.of("stage", stage, "weight", Integer.toString(weight)));
    }

    private static HistoryEntry verdict(Instant at, String stage, double score, String scoreClass) {
        Map<String, String> d = new TreeMap<>();
        d.put("stage", stage);
        d.put("score", Double.toString(score));
        d.put("scoreClass", scoreClass);
        d.put("metric.error_rate.result", "PASS");
        d.put("metric.error_rate.canary", "0.0071");
        d.put("metric.error_rate.baseline", "0.0052");
        d.put("metric.error_rate.pValue", "0.12");
        d.put("metric.error_rate.threshold", "allowed effect 50%");
        d.put("metric.latency_p99_ms.result", "MARGINAL");
        d.put("metric.latency_p99_ms.canary", "1012");
        d.put("metric.latency_p99_ms.baseline", "905");
        d.put("metric.latency_p99_ms.pValue", "0.03");
        d.put("metric.latency_p99_ms.threshold", "allowed effect 10%");
        d.put("metric.latency_p99_ms.explanation", "canary slower by 11.8%, just over the allowed effect");
        return new HistoryEntry(at, "GATE_EVALUATED", "system:judge", "VERDICT_CONTINUE", d);
    }
}
