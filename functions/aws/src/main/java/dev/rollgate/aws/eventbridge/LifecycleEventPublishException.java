package dev.rollgate.aws.eventbridge;

/** A lifecycle event could not be put on the event bus (the call failed or the entry was rejected). */
public final class LifecycleEventPublishException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LifecycleEventPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
