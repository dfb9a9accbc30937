package dev.rollgate.core.judge;

/**
 * Statistical settings of the judge that the policy does not carry.
 *
 * @param confidence        two-sided confidence of the per-metric shift interval
 * @param minVolumePerPoint least requests (or policy evaluations, tool calls, ...) a window needs to be one
 *                          data point of a rate or latency metric; below it a rate cannot resolve 1 % and a p99 is
 *                          a maximum
 * @param minScoresPerPoint least graded samples a custom score summary needs to be one data point (a mean needs
 *                          far fewer samples than a rate or a tail quantile)
 */
public record JudgeSettings(double confidence, long minVolumePerPoint, long minScoresPerPoint) {
    public static final JudgeSettings DEFAULT = new JudgeSettings(0.98, 100, 10);

    public JudgeSettings {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        if (minVolumePerPoint < 1 || minScoresPerPoint < 1) {
            throw new IllegalArgumentException("minimum volumes per point must be >= 1");
        }
    }
}
