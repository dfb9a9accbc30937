package dev.rollgate.aws.dynamodb;

import java.time.Instant;

/** How key values are composed, so that string order is the order the listings need. */
final class Keys {
    private Keys() {
    }

    /**
     * Joins two user-supplied parts unambiguously: the first is length-prefixed, so {@code ("a#b","c")} and
     * {@code ("a","b#c")} never meet in one partition.
     */
    static String composite(String first, String second) {
        return first.length() + ":" + first + "#" + second;
    }

    /** Fixed-width epoch millis then the id: sorts by time, ties broken by id, unique per item. */
    static String createdKey(Instant createdAt, String id) {
        return timeKey(createdAt) + "#" + id;
    }

    /** Fixed-width, lexicographically chronological key of an instant (seconds and nanos, zero padded). */
    static String timeKey(Instant at) {
        if (at.getEpochSecond() < 0) {
            throw new IllegalArgumentException("instants before 1970 cannot be stored: " + at);
        }
        return String.format("%012d%09d", at.getEpochSecond(), at.getNano());
    }

    /** Fixed-width number so that string order is numeric order. */
    static String padded(long value) {
        return String.format("%019d", value);
    }
}
