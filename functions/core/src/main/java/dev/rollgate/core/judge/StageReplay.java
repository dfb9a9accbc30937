package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Feeds recorded windows to the {@link StageEvaluator} in time order as the workflow would: triggers after every
 * window, the full evaluation each time an analysis interval completes, stopping at the first decision other
 * than CONTINUE. The stage starts at the earliest window.
 */
public final class StageReplay {
    private final StageEvaluator evaluator;

    public StageReplay(StageEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /**
     * @param finalEvaluation the deciding evaluation, or the last one when the windows ran out while CONTINUE
     * @param trace           every evaluation made (only when asked for)
     * @param evaluations     how many evaluations were made
     */
    public record Result(StageEvaluation finalEvaluation, List<StageEvaluation> trace, int evaluations) {
        public Result {
            trace = List.copyOf(trace);
        }
    }

    private static boolean triggerFiresAt(Instant firstFiring, Instant windowStart) {
        return firstFiring != null && !windowStart.isBefore(firstFiring);
    }

    public Result replay(RolloutPolicy policy, Stage stage, List<MetricWindow> windows, boolean keepTrace) {
        List<MetricWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(MetricWindow::windowStart)
                .thenComparing(w -> w.variant().ordinal()));
        List<StageEvaluation> trace = new ArrayList<>();
        if (sorted.isEmpty()) {
            StageEvaluation none = evaluator.evaluate(policy, stage, List.of(), Duration.ZERO);
            return new Result(none, keepTrace ? List.of(none) : List.of(), 1);
        }
        Instant stageStart = sorted.get(0).windowStart();
        // Every trigger reports the first window at which it fires, and a prefix of the windows gives the same
        // path up to that window, so one check over all windows tells where a per-window check would first fire.
        // Without a trace only that window (and the interval ends) needs evaluating: linear instead of quadratic.
        Instant firstFiring = keepTrace ? null : evaluator.checkTriggers(policy, stage, sorted,
                Duration.between(stageStart, sorted.get(sorted.size() - 1).windowEnd())).triggers().stream()
                .filter(TriggerResult::fired).map(TriggerResult::firedAt).min(Comparator.naturalOrder()).orElse(null);
        Duration interval = stage.analysis().interval();
        int nextInterval = 1;
        Instant latestEnd = stageStart;
        StageEvaluation last = null;
        int evaluations = 0;
        int i = 0;
        while (i < sorted.size()) {
            Instant start = sorted.get(i).windowStart();
            while (i < sorted.size() && sorted.get(i).windowStart().equals(start)) {
                Instant end = sorted.get(i).windowEnd();
                latestEnd = end.isAfter(latestEnd) ? end : latestEnd;
                i++;
            }
            List<MetricWindow> seen = sorted.subList(0, i);
            Duration elapsed = Duration.between(stageStart, latestEnd);
            boolean intervalDone = interval.isZero() || interval.isNegative()
                    || elapsed.compareTo(interval.multipliedBy(nextInterval)) >= 0;
            if (intervalDone) {
                last = evaluator.evaluate(policy, stage, seen, elapsed);
                while (!interval.isZero() && !interval.isNegative()
                        && elapsed.compareTo(interval.multipliedBy(nextInterval)) >= 0) {
                    nextInterval++;
                }
            } else if (keepTrace || triggerFiresAt(firstFiring, start)) {
                last = evaluator.checkTriggers(policy, stage, seen, elapsed);
            } else {
                continue;
            }
            evaluations++;
            if (keepTrace) {
                trace.add(last);
            }
            if (last.decision() != Decision.CONTINUE) {
                break;
            }
        }
        if (last == null) {
            last = evaluator.checkTriggers(policy, stage, sorted, Duration.between(stageStart, latestEnd));
            evaluations++;
        }
        return new Result(last, trace, evaluations);
    }
}
