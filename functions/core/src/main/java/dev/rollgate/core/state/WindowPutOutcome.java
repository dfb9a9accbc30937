package dev.rollgate.core.state;

/** What storing a metric window did; a window is identified by rollout, variant and window start. */
public enum WindowPutOutcome {
    STORED,
    /** The same window was stored before; the first copy is kept and nothing was written. */
    DUPLICATE,
    /** Another window with the same rollout, variant and start was stored before; it is kept, nothing written. */
    CONFLICTING_DUPLICATE;

    /** Whether two windows with the same key carry the same measurements (routing fields aside). */
    public static boolean sameMeasurements(dev.rollgate.core.metrics.MetricWindow a,
                                           dev.rollgate.core.metrics.MetricWindow b) {
        return a.variant() == b.variant() && a.windowStart().equals(b.windowStart())
                && a.windowSeconds() == b.windowSeconds() && a.requests() == b.requests() && a.errors() == b.errors()
                && a.latencyMs().equals(b.latencyMs()) && a.policyEvaluations() == b.policyEvaluations()
                && a.policyDenies() == b.policyDenies() && a.safetyDenies() == b.safetyDenies()
                && a.parseFailures() == b.parseFailures() && a.schemaViolations() == b.schemaViolations()
                && a.approvalBacklog() == b.approvalBacklog() && a.reasonCodes().equals(b.reasonCodes())
                && a.criticalIncidents() == b.criticalIncidents() && a.custom().equals(b.custom());
    }
}
