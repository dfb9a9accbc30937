package dev.rollgate.core.preflight;

/** Status of a workflow run as the service reports it. */
public enum RunStatus {
    PENDING,
    RUNNING,
    WAITING,
    SUCCEEDED,
    FAILED,
    DENIED,
    CANCELLED,
    TIMED_OUT,
    /** A value this version does not know. */
    UNRECOGNIZED;

    public boolean isTerminal() {
        return switch (this) {
            case SUCCEEDED, FAILED, DENIED, CANCELLED, TIMED_OUT -> true;
            case PENDING, RUNNING, WAITING, UNRECOGNIZED -> false;
        };
    }
}
