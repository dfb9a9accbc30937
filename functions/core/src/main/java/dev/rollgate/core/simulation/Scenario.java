package dev.rollgate.core.simulation;

/** Synthetic traffic scenarios with a known truth about the canary. */
public enum Scenario {
    /** Canary behaves exactly like the baseline (noise only). */
    HEALTHY(Truth.HEALTHY),
    /** Canary error rate 0.5 % -> 1 % from the start. */
    ERROR_RATE_DOUBLED(Truth.REGRESSION),
    /** Canary latency +20 % at every quantile (heavy-tailed spikes as everywhere). */
    LATENCY_PLUS_20(Truth.REGRESSION),
    /** Canary latency +50 % at every quantile. */
    LATENCY_PLUS_50(Truth.REGRESSION),
    /** Canary policy-deny rate drifts from 1 % to 3 % over the first two hours, then stays. */
    DENY_DRIFT(Truth.REGRESSION),
    /** Canary gets one or two bursts (6-20 minutes) of overload reason codes with slower, less reliable answers. */
    OVERLOAD_BURSTS(Truth.REGRESSION),
    /** Healthy canary and baseline at 20 requests per minute each. */
    LOW_TRAFFIC(Truth.HEALTHY),
    /** Canary tail slightly slower (p90 +7 %, p99 +15 %), median unchanged: a judgement call. */
    MARGINAL(Truth.MARGINAL);

    private final Truth truth;

    Scenario(Truth truth) {
        this.truth = truth;
    }

    public Truth truth() {
        return truth;
    }

    /** What a perfect judge would conclude. */
    public enum Truth {
        HEALTHY,
        REGRESSION,
        MARGINAL
    }
}
