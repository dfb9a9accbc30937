package dev.rollgate.aws.cordum;

/** A Cordum answer that breaks the documented contract; the message names the field, never the body. */
class MalformedResponseException extends RuntimeException {
    MalformedResponseException(String message) {
        super(message);
    }

    MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
