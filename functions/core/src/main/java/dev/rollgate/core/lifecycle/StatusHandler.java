package dev.rollgate.core.lifecycle;

import java.time.Instant;

/** The rules for one or more statuses; {@link RolloutLifecycle} picks the handler by the state's status. */
interface StatusHandler {
    Transition handle(RolloutState state, Observation observation, Instant now);
}
