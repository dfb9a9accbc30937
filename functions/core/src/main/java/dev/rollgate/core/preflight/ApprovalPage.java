package dev.rollgate.core.preflight;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of the approval queue; {@code nextCursor} is empty on the last page. */
public record ApprovalPage(List<PendingApproval> items, Optional<Integer> nextCursor) {
    public ApprovalPage {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
