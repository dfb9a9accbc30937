package dev.rollgate.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Optional;

/**
 * Reads ISO-8601 instants. The shape {@link Instant#toString()} writes for years 0000-9999
 * ({@code 2026-11-28T08:40:46.593Z}: four-digit year, seconds, an optional fraction of one to nine digits,
 * {@code Z}), which is every instant rollgate stores and what agents send, is read by hand; any other text goes
 * through {@link Instant#parse}, so the result (value or exception) is that of {@code Instant.parse} for every
 * input (IsoInstantsProperties checks it).
 *
 * <p>Why: {@code DateTimeFormatter} parsing builds a composite parser and a field map per call and is slow before
 * the JIT has compiled it, which a Lambda function's C1-only JVM pays for every stored window it reads (the
 * Evaluate handler decodes 360 per invocation).
 */
public final class IsoInstants {
    private static final int DATE_TIME_LENGTH = 19; // yyyy-MM-ddTHH:mm:ss
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int[] NANO_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
            10, 1};

    private IsoInstants() {
    }

    /**
     * The instant the text names, exactly as {@link Instant#parse} reads it.
     *
     * @throws java.time.format.DateTimeParseException what {@code Instant.parse} throws for text it rejects
     */
    public static Instant parse(CharSequence text) {
        Instant instant = canonical(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /**
     * The instant, when the text has exactly the shape {@link Instant#toString()} writes (years 0000-9999, UTC
     * {@code Z}, fraction of 1-9 digits or none) and names a valid date and time; empty for any other text, valid
     * or not, which callers hand to their own general parser.
     */
    public static Optional<Instant> parseCanonical(CharSequence text) {
        return Optional.ofNullable(canonical(text));
    }

    private static Instant canonical(CharSequence text) {
        int length = text.length();
        if (length < DATE_TIME_LENGTH + 1 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = fraction(text, length);
        // Hour 24 and second 60 are valid for Instant.parse (next midnight, leap second): left to it.
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1
                || day > Month.of(month).length(Year.isLeap(year)) || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The nanoseconds of the fraction between the seconds and the final {@code Z}; 0 without one, -1 if malformed. */
    private static int fraction(CharSequence text, int length) {
        int digitCount = length - DATE_TIME_LENGTH - 2; // after the '.', before the 'Z'
        if (length == DATE_TIME_LENGTH + 1) {
            return 0;
        }
        if (text.charAt(DATE_TIME_LENGTH) != '.' || digitCount < 1 || digitCount > MAX_FRACTION_DIGITS) {
            return -1;
        }
        int value = digits(text, DATE_TIME_LENGTH + 1, digitCount);
        return value < 0 ? -1 : value * NANO_SCALE[digitCount];
    }

    /** The non-negative number written by {@code count} ASCII digits from {@code start}, or -1. */
    private static int digits(CharSequence text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
