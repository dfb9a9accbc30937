package dev.rollgate.lambda.runtime;

/**
 * A port whose deployed adapter is not wired into this build yet. Thrown when the port is first used, so the
 * functions that do not need it still work; the message names the port and where its adapter comes from.
 */
public final class AdapterNotWiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AdapterNotWiredException(String port, String source) {
        super("no deployed adapter for " + port + " is wired into LambdaComponents yet (it comes from " + source
                + ")");
    }
}
