package dev.rollgate.core.preflight;

import java.util.Objects;

/**
 * What came back from one call to the policy service. Transport trouble is a value here, not an exception, because the
 * preflight must turn it into a fail-closed verdict instead of crashing.
 *
 * @param <T> the answer of a successful call
 */
public sealed interface CallOutcome<T> {

    /** The service answered and the answer was understood. */
    record Done<T>(T value) implements CallOutcome<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The service answered with a definite refusal (a 4xx other than rate limiting): repeating the same call would get
     * the same answer.
     *
     * @param status  HTTP status
     * @param code    the error body's code slug, empty when the body had none
     * @param message the error body's message (never our request payload or credentials)
     */
    record Refused<T>(int status, String code, String message) implements CallOutcome<T> {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The service could not give an answer: unreachable, timed out, rate limited or 5xx after the allowed retries, or an
     * answer that broke the contract (malformed JSON, missing fields).
     *
     * @param cause a short, secret-free description for the history and the operator
     */
    record Unavailable<T>(String cause) implements CallOutcome<T> {
        public Unavailable {
            Objects.requireNonNull(cause, "cause");
        }
    }

    static <T> CallOutcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> CallOutcome<T> refused(int status, String code, String message) {
        return new Refused<>(status, code, message);
    }

    static <T> CallOutcome<T> unavailable(String cause) {
        return new Unavailable<>(cause);
    }
}
