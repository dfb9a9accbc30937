package dev.rollgate.core.traffic;

/** The traffic platform (Lambda, CodeDeploy) could not be reached or answered with an unexpected error. */
public class TrafficDriverFailureException extends RuntimeException {
    public TrafficDriverFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    public TrafficDriverFailureException(String message) {
        super(message);
    }
}
