package dev.rollgate.aws.cordum;

import java.util.Objects;

/**
 * A Cordum API key. It prints as {@code ApiKey[redacted]} so it cannot leak through logs, exception messages or
 * history records by accident; only the HTTP client reads the value.
 */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "API key");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the Cordum API key is empty");
        }
        return new ApiKey(trimmed);
    }

    /** The key itself, for the request header only. */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
