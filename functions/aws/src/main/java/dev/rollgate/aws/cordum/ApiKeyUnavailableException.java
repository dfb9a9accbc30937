package dev.rollgate.aws.cordum;

/** The API key could not be read from its source. The message names the source, never the key. */
public class ApiKeyUnavailableException extends RuntimeException {
    public ApiKeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
