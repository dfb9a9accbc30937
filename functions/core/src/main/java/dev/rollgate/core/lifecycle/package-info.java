/**
 * The rollout lifecycle: where a rollout is ({@link dev.rollgate.core.lifecycle.RolloutState}) and the pure rules
 * that move it ({@link dev.rollgate.core.lifecycle.RolloutLifecycle}).
 *
 * <p>How a caller drives it: persist {@code start(now).state()} and run its commands; whenever something is
 * reported (a preflight result, a verdict, a confirmation, a human decision, a tick of the clock), map it onto an
 * {@link dev.rollgate.core.lifecycle.Observation}, call {@code next(state, observation, now)}, store the new state
 * with a conditional write when it differs from the old one, append the transition to the event history, and carry
 * out its {@link dev.rollgate.core.lifecycle.Command}s in order. Nothing here reads a clock or does I/O, so the same
 * history of (observation, now) pairs always replays to the same states.
 */
package dev.rollgate.core.lifecycle;
