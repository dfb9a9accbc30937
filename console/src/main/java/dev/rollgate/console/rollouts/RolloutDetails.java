package dev.rollgate.console.rollouts;

import dev.rollgate.console.policies.PolicyInterpreter;
import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutHistory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Reads everything the detail page shows. Each part is a query on the rollout's own keys (history by rollout,
 * windows by rollout and variant, pending approvals by tenant), read page by page up to a bound so one very
 * long rollout cannot stall the page.
 */
@Service
public class RolloutDetails {
    static final int PAGE_SIZE = 200;
    static final int MAX_PAGES = 25;

    private final RolloutQueries queries;
    private final RolloutHistory history;
    private final MetricWindowStore windows;
    private final Approvals approvals;
    private final PolicyInterpreter interpreter;
    private final Clock clock;

    public RolloutDetails(RolloutQueries queries, RolloutHistory history, MetricWindowStore windows,
                          Approvals approvals, PolicyInterpreter interpreter, Clock clock) {
        this.queries = queries;
        this.history = history;
        this.windows = windows;
        this.approvals = approvals;
        this.interpreter = interpreter;
        this.clock = clock;
    }

    public Optional<RolloutDetail> load(ConsoleUser user, String rolloutId) {
        return queries.find(user, rolloutId).map(this::detail);
    }

    private RolloutDetail detail(Rollout rollout) {
        Instant now = clock.instant();
        Optional<RolloutPolicy> policy = StageNames.policyOf(rollout, interpreter);
        RolloutState state = rollout.state();
        List<HistoryEvent> events = readAll(page -> history.read(rollout.id(), page));
        return new RolloutDetail(rollout, StageNames.stageName(policy, state.stageIndex()),
                Duration.between(state.stageEnteredAt(), now), steps(policy, state), traffic(rollout, events, now),
                events.stream().flatMap(e -> VerdictReader.read(e).stream())
                        .map(v -> v.withKinds(metric -> CustomMetricSeries.kindOf(metric, policy))).toList(),
                comparisons(rollout, policy, now), events, pendingApproval(rollout));
    }

    static List<StageStep> steps(Optional<RolloutPolicy> policy, RolloutState state) {
        if (policy.isEmpty()) {
            return List.of();
        }
        List<Stage> stages = policy.get().stages();
        boolean finished = state.status() == RolloutStatus.PROMOTED;
        boolean notStarted = state.status() == RolloutStatus.PENDING;
        List<StageStep> steps = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            StageStep.Progress progress;
            if (finished || i < state.stageIndex()) {
                progress = StageStep.Progress.DONE;
            } else if (i == state.stageIndex() && !notStarted) {
                progress = StageStep.Progress.CURRENT;
            } else {
                progress = StageStep.Progress.AHEAD;
            }
            steps.add(new StageStep(s.name(), s.type().wireName(), s.weight(), progress));
        }
        return steps;
    }

    static List<TrafficPoint> traffic(Rollout rollout, List<HistoryEvent> events, Instant now) {
        List<TrafficPoint> points = new ArrayList<>();
        points.add(new TrafficPoint(rollout.createdAt(), 0));
        for (HistoryEvent e : events) {
            String weight = e.detail().get(HistoryVocabulary.WEIGHT);
            if (weight != null) {
                try {
                    points.add(new TrafficPoint(e.at(), Integer.parseInt(weight.trim())));
                } catch (NumberFormatException ignored) {
                    // Not a percent: the timeline still shows the event as written.
                }
            }
        }
        points.add(new TrafficPoint(now.isBefore(rollout.updatedAt()) ? rollout.updatedAt() : now,
                rollout.state().trafficWeight()));
        return points;
    }

    /** Built-in metrics first, then the custom families (declared ones in policy order), each with data. */
    private List<MetricSeries> comparisons(Rollout rollout, Optional<RolloutPolicy> policy, Instant now) {
        Instant until = now.plus(Duration.ofHours(1));
        List<MetricWindow> canary = readAll(p -> windows.read(rollout.id(), Variant.CANARY, rollout.createdAt()
                .minus(Duration.ofDays(1)), until, p));
        List<MetricWindow> baseline = readAll(p -> windows.read(rollout.id(), Variant.BASELINE, rollout.createdAt()
                .minus(Duration.ofDays(1)), until, p));
        List<MetricSeries> series = new ArrayList<>();
        for (Map.Entry<String, Function<MetricWindow, OptionalDouble>> m : WindowMetrics.ALL.entrySet()) {
            List<MetricSeries.Point> c = points(canary, m.getValue());
            List<MetricSeries.Point> b = points(baseline, m.getValue());
            if (!c.isEmpty() || !b.isEmpty()) {
                series.add(new MetricSeries(m.getKey(), c, b));
            }
        }
        List<MetricWindow> both = new ArrayList<>(canary);
        both.addAll(baseline);
        series.addAll(CustomMetricSeries.series(CustomMetricSeries.families(policy, both), canary, baseline));
        return series;
    }

    private static List<MetricSeries.Point> points(List<MetricWindow> windows,
                                                   Function<MetricWindow, OptionalDouble> metric) {
        List<MetricSeries.Point> points = new ArrayList<>();
        for (MetricWindow w : windows) {
            OptionalDouble v = metric.apply(w);
            if (v.isPresent()) {
                points.add(new MetricSeries.Point(w.windowStart(), v.getAsDouble()));
            }
        }
        return points;
    }

    private Optional<ApprovalRequest> pendingApproval(Rollout rollout) {
        if (rollout.state().status().isTerminal()) {
            return Optional.empty();
        }
        return readAll(p -> approvals.pending(rollout.tenant(), p)).stream()
                .filter(a -> a.rolloutId().equals(rollout.id())).findFirst();
    }

    private static <T> List<T> readAll(Function<PageRequest, Page<T>> query) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE_SIZE);
        for (int i = 0; i < MAX_PAGES; i++) {
            Page<T> page = query.apply(request);
            all.addAll(page.items());
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page);
        }
        return all;
    }
}
