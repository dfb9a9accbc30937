package dev.rollgate.console.approvals;

import dev.rollgate.console.security.AccessRefusedException;
import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.Role;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.core.approval.InMemoryApprovalCallback;
import dev.rollgate.core.state.ApprovalDecision;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalRequestOutcome;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.DecideOutcome;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rollgate.console.support.ConsoleFixture.ACME;
import static dev.rollgate.console.support.ConsoleFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PendingApprovalPagesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final ConsoleUser ADA = ConsoleUser.of("ada@example.com", List.of(Role.ADMIN),
            List.of(ACME, GLOBEX));

    private StateStores stores;
    private CountingApprovals approvals;
    private final List<ApprovalRequest> requested = new ArrayList<>();

    @BeforeEach
    void setUp() {
        stores = InMemoryStateStores.create();
        approvals = new CountingApprovals(stores.approvals());
        Rollout acme = ConsoleFixture.start(stores, ACME, "support-agent", ConsoleFixture.ALICE,
                NOW.minus(Duration.ofDays(1)));
        Rollout globex = ConsoleFixture.start(stores, GLOBEX, "billing-agent", "gina@example.com",
                NOW.minus(Duration.ofDays(1)));
        // Interleaved in time: acme every 3 minutes, globex every 5, so pages mix the tenants unevenly.
        for (int i = 0; i < 13; i++) {
            requested.add(ConsoleFixture.requestApproval(stores, acme, "canary-" + i, "policy-required",
                    NOW.minus(Duration.ofMinutes(100 - 3L * i)), Duration.ofHours(4)));
        }
        for (int i = 0; i < 7; i++) {
            requested.add(ConsoleFixture.requestApproval(stores, globex, "canary-" + i, "policy-required",
                    NOW.minus(Duration.ofMinutes(100 - 5L * i)), Duration.ofHours(4)));
        }
        requested.sort(PendingApprovalPages.OLDEST_FIRST);
    }

    private PendingPage page(PendingCursor cursor) {
        return PendingApprovalPages.page(approvals, cursor, 4, a -> new PendingApproval(a.id(), a.rolloutId(),
                a.tenant(), a.stage(), a.reason(), a.requester(), a.createdAt(), a.deadline(), Duration.ZERO, false,
                Optional.empty()));
    }

    @Test
    void paging_through_two_tenants_lists_every_pending_approval_once_oldest_first() {
        List<String> listed = new ArrayList<>();
        Optional<PendingCursor> cursor = Optional.of(PendingCursor.first(ADA));
        int pages = 0;
        while (cursor.isPresent()) {
            approvals.queries = 0;
            PendingPage page = page(cursor.get());
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(4);
            assertThat(approvals.queries).as("queries for one page").isLessThanOrEqualTo(4);
            page.rows().forEach(r -> listed.add(r.id()));
            cursor = page.next();
            pages++;
        }

        assertThat(listed).containsExactlyElementsOf(requested.stream().map(ApprovalRequest::id).toList());
        assertThat(pages).isBetween(5, 6);
        assertThat(approvals.gets).isZero();
    }

    @Test
    void a_page_reads_one_page_per_tenant_however_many_approvals_wait() {
        PendingPage first = page(new PendingCursor(Map.of(ACME, Optional.empty())));

        assertThat(first.rows()).extracting(PendingApproval::id).containsExactlyElementsOf(requested.stream()
                .filter(a -> a.tenant().equals(ACME)).limit(4).map(ApprovalRequest::id).toList());
        assertThat(approvals.queries).isEqualTo(1);
        assertThat(approvals.itemsRead).isEqualTo(4);
    }

    @Test
    void rows_say_who_may_not_decide_them_without_further_reads() {
        ApprovalDesk desk = new ApprovalDesk(approvals, stores.rollouts(), stores.history(),
                new InMemoryApprovalCallback(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(desk.pending(ConsoleFixture.bob(), PendingCursor.first(ConsoleFixture.bob())).rows())
                .allSatisfy(r -> assertThat(r.whyNot()).isEmpty());
        assertThat(desk.pending(ConsoleFixture.alice(), PendingCursor.first(ConsoleFixture.alice())).rows())
                .allSatisfy(r -> assertThat(r.whyNot()).hasValueSatisfying(w -> assertThat(w).contains("four eyes")));
        assertThat(desk.pending(ConsoleFixture.vera(), PendingCursor.first(ConsoleFixture.vera())).rows())
                .allSatisfy(r -> assertThat(r.whyNot()).hasValueSatisfying(w -> assertThat(w).contains("APPROVER")));
        assertThat(approvals.gets).isZero();
    }

    @Test
    void a_cursor_naming_another_tenant_is_refused() {
        ApprovalDesk desk = new ApprovalDesk(approvals, stores.rollouts(), stores.history(),
                new InMemoryApprovalCallback(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> desk.pending(ConsoleFixture.bob(), new PendingCursor(Map.of(GLOBEX,
                Optional.empty())))).isInstanceOf(AccessRefusedException.class);
    }

    /** Counts the store's reads, to show what one page costs. */
    private static final class CountingApprovals implements Approvals {
        private final Approvals delegate;
        int queries;
        int gets;
        int itemsRead;

        CountingApprovals(Approvals delegate) {
            this.delegate = delegate;
        }

        @Override
        public ApprovalRequestOutcome request(ApprovalRequest request) {
            return delegate.request(request);
        }

        @Override
        public Optional<ApprovalRequest> get(String approvalId) {
            gets++;
            return delegate.get(approvalId);
        }

        @Override
        public Page<ApprovalRequest> pending(String tenant, PageRequest page) {
            queries++;
            Page<ApprovalRequest> read = delegate.pending(tenant, page);
            itemsRead += read.items().size();
            return read;
        }

        @Override
        public DecideOutcome decide(String approvalId, ApprovalDecision decision) {
            return delegate.decide(approvalId, decision);
        }
    }
}
