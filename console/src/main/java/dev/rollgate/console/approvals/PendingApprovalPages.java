package dev.rollgate.console.approvals;

import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Pages of a user's pending approvals merged over their tenants, oldest first. Each page reads at most one page
 * per tenant from the store's pending index (one query; a second, shorter one for a tenant whose rows were cut by
 * the merge, to get the store's cursor right after the last row shown), so a page costs the same however many
 * approvals wait: 1,000 pending approvals are never read, nor checked row by row, to show the oldest 50.
 */
final class PendingApprovalPages {
    static final Comparator<ApprovalRequest> OLDEST_FIRST =
            Comparator.comparing(ApprovalRequest::createdAt).thenComparing(ApprovalRequest::id);

    private PendingApprovalPages() {
    }

    static PendingPage page(Approvals approvals, PendingCursor cursor, int size,
                            Function<ApprovalRequest, PendingApproval> row) {
        Map<String, Page<ApprovalRequest>> read = new TreeMap<>();
        List<ApprovalRequest> merged = new ArrayList<>();
        cursor.tenants().forEach((tenant, start) -> {
            Page<ApprovalRequest> page = approvals.pending(tenant, new PageRequest(size, start));
            read.put(tenant, page);
            merged.addAll(page.items());
        });
        merged.sort(OLDEST_FIRST);
        List<ApprovalRequest> shown = merged.subList(0, Math.min(size, merged.size()));
        Map<String, Optional<String>> next = new TreeMap<>();
        read.forEach((tenant, page) -> {
            int taken = (int) shown.stream().filter(a -> a.tenant().equals(tenant)).count();
            Optional<String> start = cursor.tenants().get(tenant);
            if (taken == page.items().size()) {
                page.nextCursor().ifPresent(c -> next.put(tenant, Optional.of(c)));
            } else if (taken == 0) {
                next.put(tenant, start);
            } else {
                approvals.pending(tenant, new PageRequest(taken, start)).nextCursor()
                        .ifPresent(c -> next.put(tenant, Optional.of(c)));
            }
        });
        return new PendingPage(shown.stream().map(row).toList(),
                next.isEmpty() ? Optional.empty() : Optional.of(new PendingCursor(next)));
    }
}
