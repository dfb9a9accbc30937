package dev.rollgate.lambda.runtime;

/** Per-invocation metrics of a handler: what it decided and how long it took. */
public interface Telemetry {
    /** Records one invocation of {@code handler} with its {@code outcome} (a decision, or ERROR). */
    void invocation(String handler, String outcome, long durationMillis);
}
