package dev.rollgate.core.traffic;

/**
 * Moves user traffic between an agent's baseline and candidate versions. Every method is idempotent: the
 * workflow retries steps, and a retry must never shift twice or start a second deployment.
 * Technical failures (service unreachable, throttled past retries) are unchecked exceptions.
 */
public interface TrafficDriver {

    /**
     * Puts {@code weight} percent of traffic on the candidate for stage {@code stageIndex}. Asking for the
     * weight already in place returns {@link ShiftOutcome.Unchanged} and changes nothing.
     */
    ShiftOutcome shift(TrafficTarget target, int stageIndex, int weight);

    /**
     * Takes all traffic off the candidate; always ends with an unweighted alias on the baseline version.
     * Returns {@link ShiftOutcome.Unchanged} when that is already the case.
     */
    ShiftOutcome restoreBaseline(TrafficTarget target);

    /** Puts all traffic on the candidate: an unweighted alias on the candidate version. */
    ShiftOutcome promote(TrafficTarget target);

    /** The candidate's current share of traffic in percent, as the platform reports it. */
    int currentWeight(TrafficTarget target);
}
