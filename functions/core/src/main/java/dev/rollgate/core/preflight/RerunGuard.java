package dev.rollgate.core.preflight;

/**
 * Guards rerun-from-step, which the control plane does not deduplicate: one rerun per (rollout, run, step), so a
 * retried workflow step gets the first rerun's run id back instead of a second run.
 */
public interface RerunGuard {

    /** Claims the rerun; the first claim wins. */
    RerunClaim claim(String rolloutId, String runId, String fromStep);

    /** Records the run the granted claim created, for later claims to find. */
    void recordNewRun(String rolloutId, String runId, String fromStep, String newRunId);

    /** Gives a granted claim back when the service definitely created no run, so a later attempt may try again. */
    void release(String rolloutId, String runId, String fromStep);
}
