package dev.rollgate.core.lifecycle;

import java.util.Objects;

/** Argument checks shared by the observation and command records; messages name the offending field. */
final class Checks {
    private Checks() {
    }

    static void text(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    static void notNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
    }

    static void percent(int value, String field) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(field + " must be within 0..100, was " + value);
        }
    }
}
