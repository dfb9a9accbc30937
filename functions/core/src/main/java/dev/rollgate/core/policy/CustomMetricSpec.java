package dev.rollgate.core.policy;

import java.util.Optional;

/**
 * An agent-quality metric family declared by the policy and sent in a window's {@code custom} object.
 *
 * @param name              family name as it appears in windows
 * @param kind              a count pair (events out of total) or a sample summary of a continuous score
 * @param rollbackAbove     absolute rollback threshold on the canary's rate or mean, when worse is higher
 * @param rollbackBelow     absolute rollback threshold on the canary's rate or mean, when worse is lower
 */
public record CustomMetricSpec(String name, Kind kind, Optional<Double> rollbackAbove, Optional<Double> rollbackBelow) {
    /** The two shapes a custom family can take in a window. */
    public enum Kind {
        COUNT,
        SCORE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
