package dev.rollgate.core.judge;

import java.time.Instant;

/**
 * One rollback trigger checked over the stage's windows so far.
 *
 * @param trigger   which trigger
 * @param fired     whether it fired
 * @param firedAt   windowStart of the window at which it first fired (null when it did not)
 * @param observed  the observed value (ratio, rate, backlog, run length in seconds, incident count)
 * @param threshold the policy threshold it is compared with
 * @param evidence  for sequential tests, the largest e-value reached (fires at 1/alpha); else null
 * @param detail    one sentence explaining the result
 */
public record TriggerResult(TriggerKind trigger, boolean fired, Instant firedAt, Double observed, Double threshold,
                           Double evidence, String detail) {
}
