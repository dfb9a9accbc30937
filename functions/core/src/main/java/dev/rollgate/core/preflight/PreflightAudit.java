package dev.rollgate.core.preflight;

/** Receives every preflight call and the verdict, for the rollout history. */
@FunctionalInterface
public interface PreflightAudit {

    void record(PreflightEvent event);
}
