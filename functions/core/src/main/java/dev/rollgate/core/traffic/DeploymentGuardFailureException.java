package dev.rollgate.core.traffic;

/** The store behind a {@link DeploymentGuard} failed; whether the claim was taken is unknown. */
public class DeploymentGuardFailureException extends RuntimeException {
    public DeploymentGuardFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
