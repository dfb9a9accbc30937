package dev.rollgate.aws.cordum;

import java.util.Objects;

/** What the transport got for a call after its retries. */
sealed interface HttpAnswer {

    /** A status and body (the last one, when retries ran out on a retryable status). */
    record Received(int status, String body, int attempts) implements HttpAnswer {
        public Received {
            Objects.requireNonNull(body, "body");
        }
    }

    /** No HTTP answer at all: connection errors or timeouts until attempts or budget ran out. */
    record NoAnswer(String cause, int attempts) implements HttpAnswer {
        public NoAnswer {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
