package dev.rollgate.cli.bench;

import dev.rollgate.core.judge.CanaryJudge;
import dev.rollgate.core.judge.Decision;
import dev.rollgate.core.judge.JudgeResult;
import dev.rollgate.core.judge.JudgeSettings;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.policy.MetricSpec;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.ScoreThresholds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The fixed-horizon comparison judge: Mann-Whitney per cumulative hourly interval at 98 % confidence with a
 * 0.25 tolerance on the shift for every metric, pass 95 / marginal 75. Any interval scoring at or under the
 * marginal threshold fails the canary at that interval's end; after the last interval a passing score
 * promotes, anything else holds. No sequential triggers, no minimum volume per data point.
 */
final class KayentaStyleJudge {
    static final double TOLERANCE = 0.25;
    static final double CONFIDENCE = 0.98;

    private final CanaryJudge judge = new CanaryJudge(new JudgeSettings(CONFIDENCE, 1, 1));
    private final List<MetricSpec> metrics;
    private final RolloutPolicy policy;
    private final ScoreThresholds thresholds = ScoreThresholds.DEFAULT;

    KayentaStyleJudge(RolloutPolicy policy) {
        this.policy = policy;
        this.metrics = policy.metrics().stream().map(m -> new MetricSpec(m.name(), m.direction(), false, m.weight(),
                m.group(), TOLERANCE)).toList();
    }

    /** Decision and the windowStart of the last window of the deciding interval. */
    record Verdict(Decision decision, Instant decidedAt) {
    }

    Verdict judge(List<MetricWindow> windows, Instant start, Duration lifetime, Duration interval) {
        long intervals = lifetime.dividedBy(interval);
        Verdict last = new Verdict(Decision.CONTINUE, start);
        for (long k = 1; k <= intervals; k++) {
            Instant end = start.plus(interval.multipliedBy(k));
            List<MetricWindow> baseline = windows.stream()
                    .filter(w -> w.variant() == Variant.BASELINE && w.windowStart().isBefore(end)).toList();
            List<MetricWindow> canary = windows.stream()
                    .filter(w -> w.variant() == Variant.CANARY && w.windowStart().isBefore(end)).toList();
            JudgeResult result = judge.judge(metrics, policy.groupWeights(), 1, thresholds, baseline, canary);
            Instant decidedAt = end.minusSeconds(60);
            if (result.score() <= thresholds.marginal()) {
                return new Verdict(Decision.ROLLBACK, decidedAt);
            }
            last = k == intervals
                    ? new Verdict(result.score() >= thresholds.pass() ? Decision.PROMOTE : Decision.HOLD, decidedAt)
                    : new Verdict(Decision.CONTINUE, decidedAt);
        }
        return last;
    }
}
