package dev.rollgate.console.approvals;

import java.util.List;
import java.util.Optional;

/** One page of the approvals list, oldest first, and where the next page starts (empty on the last page). */
public record PendingPage(List<PendingApproval> rows, Optional<PendingCursor> next) {
    public PendingPage {
        rows = List.copyOf(rows);
    }
}
