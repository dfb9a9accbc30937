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
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutHistory;
import dev.rollgate.core.workflow.ApprovalIds;
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
 * Reads everything the detail page shows. Each part is a query or read on the rollout's own keys (history by
 * rollout, windows by rollout and variant, its pending approval by id), read page by page up to a bound so one
 * very long rollout cannot stall the page.
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
        return load(user, rolloutId, new ChartWindows(rolloutId));
    }

    /**
     * The detail page's data; {@code charted} holds the windows an open page already has, so a poll reads only
     * newer ones (see {@link ChartWindows}).
     */
    public Optional<RolloutDetail> load(ConsoleUser user, String rolloutId, ChartWindows charted) {
        if (!charted.rolloutId().equals(rolloutId)) {
            throw new IllegalArgumentException("the charted windows belong to rollout " + charted.rolloutId()
                    + ", not " + rolloutId);
        }
        return queries.find(user, rolloutId).map(r -> detail(r, charted));
    }

    private RolloutDetail detail(Rollout rollout, ChartWindows charted) {
        Instant now = clock.instant();
        Optional<RolloutPolicy> policy = StageNames.policyOf(rollout, interpreter);
        RolloutState state = rollout.state();
        List<HistoryEvent> events = readAll(page -> history.read(rollout.id(), page));
        return new RolloutDetail(rollout, StageNames.stageName(policy, state.stageIndex()),
                Duration.between(state.stageEnteredAt(), now), steps(policy, state), traffic(rollout, events, now),
                events.stream().flatMap(e -> VerdictReader.read(e).stream())
                        .map(v -> v.withKinds(metric -> CustomMetricSeries.kindOf(metric, policy))).toList(),
                comparisons(rollout, policy, charted, now), events, pendingApproval(rollout, events));
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
    private List<MetricSeries> comparisons(Rollout rollout, Optional<RolloutPolicy> policy, ChartWindows charted,
                                           Instant now) {
        Instant from = rollout.createdAt().minus(Duration.ofDays(1));
        Instant until = now.plus(Duration.ofHours(1));
        List<MetricWindow> canary = charted.read(windows, Variant.CANARY, from, until);
        List<MetricWindow> baseline = charted.read(windows, Variant.BASELINE, from, until);
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

    /**
     * The rollout's pending approval: the request its latest {@code APPROVAL_REQUESTED} event names, or, while it
     * holds without one (a retried approval step writes no second event), the id the workflow derives from the
     * hold. One GetItem, where listing the tenant's pending approvals would read all of them on every poll.
     */
    private Optional<ApprovalRequest> pendingApproval(Rollout rollout, List<HistoryEvent> events) {
        if (rollout.state().status().isTerminal()) {
            return Optional.empty();
        }
        Optional<String> requested = events.stream()
                .filter(e -> e.type().equals(HistoryVocabulary.APPROVAL_REQUESTED))
                .reduce((first, second) -> second)
                .map(e -> e.detail().get(HistoryVocabulary.APPROVAL_ID));
        Optional<String> id = requested.isPresent() ? requested : rollout.state().status() == RolloutStatus.HOLD
                ? Optional.of(ApprovalIds.of(rollout.id(), rollout.state())) : Optional.empty();
        return id.flatMap(approvals::get)
                .filter(a -> a.status() == ApprovalStatus.PENDING && a.rolloutId().equals(rollout.id()));
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
