package dev.rollgate.core.state;

/** What storing a metric window did; a window is identified by rollout, variant and window start. */
public enum WindowPutOutcome {
    STORED,
    /** The same window was stored before; the first copy is kept and nothing was written. */
    DUPLICATE
}
