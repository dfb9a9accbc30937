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
    MARGINAL(Truth.MARGINAL),
    /** Canary online-eval score mean 0.05 lower (errors and latency unchanged); implies agent-quality families. */
    EVAL_SCORE_DROP(Truth.REGRESSION),
    /** Canary tool-call rejection rate 0.5 % -> 2 %; implies agent-quality families. */
    TOOL_CALL_REJECTIONS_RISE(Truth.REGRESSION),
    /**
     * Healthy canary whose eval score, like its baseline's, averages 0.77 instead of 0.82: close to (0.02 above) a
     * 0.75 absolute floor, to show that noise near a score threshold does not roll back.
     */
    EVAL_SCORE_NEAR_FLOOR(Truth.HEALTHY),
    /** Canary eval score mean 0.82 -> 0.72, below a 0.75 absolute floor; implies agent-quality families. */
    EVAL_SCORE_BELOW_FLOOR(Truth.REGRESSION);

    private final Truth truth;

    Scenario(Truth truth) {
        this.truth = truth;
    }

    public Truth truth() {
        return truth;
    }

    /** Whether the scenario is about the custom agent-quality families (they are always generated for it). */
    public boolean needsAgentQuality() {
        return this == EVAL_SCORE_DROP || this == TOOL_CALL_REJECTIONS_RISE || this == EVAL_SCORE_NEAR_FLOOR
                || this == EVAL_SCORE_BELOW_FLOOR;
    }

    /** What a perfect judge would conclude. */
    public enum Truth {
        HEALTHY,
        REGRESSION,
        MARGINAL
    }
}
