package dev.rollgate.core.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param items      at most the requested number of items, in the listing's order
 * @param nextCursor present when more items may follow; pass it back in {@link PageRequest} unchanged
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
