package dev.rollgate.core.state;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a listing to read.
 *
 * @param limit  the most items to return, 1..{@value #MAX_LIMIT}
 * @param cursor the {@link Page#nextCursor()} of the previous page, or empty for the first page
 */
public record PageRequest(int limit, Optional<String> cursor) {
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page limit must be within 1.." + MAX_LIMIT + ", was " + limit);
        }
        Objects.requireNonNull(cursor, "cursor");
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    /** The page after {@code previous}; only meaningful while {@code previous} has a next cursor. */
    public PageRequest next(Page<?> previous) {
        return new PageRequest(limit, previous.nextCursor());
    }
}
