package dev.rollgate.core.judge;

/**
 * Statistical settings of the judge that the policy does not carry.
 *
 * @param confidence        two-sided confidence of the per-metric shift interval
 * @param minVolumePerPoint least requests (or policy evaluations, for the deny rate) a window needs to be one
 *                          data point of a metric; below it a rate cannot resolve 1 % and a p99 is a maximum
 */
public record JudgeSettings(double confidence, long minVolumePerPoint) {
    public static final JudgeSettings DEFAULT = new JudgeSettings(0.98, 100);

    public JudgeSettings {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        if (minVolumePerPoint < 1) {
            throw new IllegalArgumentException("minVolumePerPoint must be >= 1: " + minVolumePerPoint);
        }
    }
}
