package dev.rollgate.aws.cordum;

/** The client cannot be set up (e.g. an unreadable CA bundle). */
public class CordumConfigurationException extends RuntimeException {
    public CordumConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
