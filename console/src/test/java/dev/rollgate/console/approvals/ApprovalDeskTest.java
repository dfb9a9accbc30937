package dev.rollgate.console.approvals;

import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.core.approval.ApprovalCallback;
import dev.rollgate.core.approval.InMemoryApprovalCallback;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.rollgate.console.support.ConsoleFixture.ACME;
import static dev.rollgate.console.support.ConsoleFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

class ApprovalDeskTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private StateStores stores;
    private InMemoryApprovalCallback callback;
    private ApprovalDesk desk;
    private Rollout rollout;
    private ApprovalRequest request;

    @BeforeEach
    void setUp() {
        stores = InMemoryStateStores.create();
        callback = new InMemoryApprovalCallback();
        desk = desk(callback);
        rollout = ConsoleFixture.start(stores, ACME, "support-agent", ConsoleFixture.ALICE, NOW.minusSeconds(3600));
        request = ConsoleFixture.requestApproval(stores, rollout, "canary-1", "marginal-score",
                NOW.minusSeconds(600), Duration.ofHours(4));
    }

    private ApprovalDesk desk(ApprovalCallback cb) {
        return new ApprovalDesk(stores.approvals(), stores.rollouts(), stores.history(), cb,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void an_approver_approves_and_the_workflow_gets_the_token_and_history_names_the_approver() {
        DecisionResult result = desk.decide(ConsoleFixture.bob(), request.id(), ApprovalStatus.APPROVED,
                "metrics look fine");

        assertThat(result).isEqualTo(new DecisionResult.Decided(ApprovalStatus.APPROVED));
        assertThat(callback.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.taskToken()).isEqualTo(request.taskToken());
            assertThat(d.decision().decidedBy()).isEqualTo(ConsoleFixture.BOB);
        });
        HistoryEvent last = lastEvent();
        assertThat(last.type()).isEqualTo("APPROVAL_DECIDED");
        assertThat(last.actor()).isEqualTo(ConsoleFixture.BOB);
        assertThat(last.detail()).containsEntry("reason", "metrics look fine");
    }

    @Test
    void the_requester_cannot_approve_their_own_rollout_even_by_calling_the_service() {
        DecisionResult result = desk.decide(ConsoleFixture.alice(), request.id(), ApprovalStatus.APPROVED, "mine");

        assertThat(result).isInstanceOf(DecisionResult.Refused.class);
        assertThat(((DecisionResult.Refused) result).why()).contains("four eyes");
        assertThat(callback.deliveries()).isEmpty();
        assertThat(stores.approvals().get(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void a_viewer_is_refused_and_nothing_changes() {
        DecisionResult result = desk.decide(ConsoleFixture.vera(), request.id(), ApprovalStatus.APPROVED, "ok");

        assertThat(result).isEqualTo(new DecisionResult.Refused("deciding approvals needs the APPROVER role"));
        assertThat(desk.whyNot(ConsoleFixture.vera(), request.id())).isPresent();
        assertThat(stores.approvals().get(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void an_approver_of_another_tenant_neither_sees_nor_decides_the_request() {
        assertThat(desk.pending(ConsoleFixture.globexApprover())).isEmpty();
        DecisionResult result = desk.decide(ConsoleFixture.globexApprover(), request.id(), ApprovalStatus.REJECTED,
                "no");
        assertThat(result).isEqualTo(new DecisionResult.Refused("no such approval in your tenants"));
    }

    @Test
    void a_blank_reason_is_refused() {
        assertThat(desk.decide(ConsoleFixture.bob(), request.id(), ApprovalStatus.REJECTED, "   "))
                .isEqualTo(new DecisionResult.Refused("a reason is required"));
        assertThat(callback.deliveries()).isEmpty();
    }

    @Test
    void the_second_decision_is_told_who_decided_first() {
        desk.decide(ConsoleFixture.bob(), request.id(), ApprovalStatus.REJECTED, "error budget spent");

        DecisionResult second = desk.decide(ConsoleFixture.bob(), request.id(), ApprovalStatus.APPROVED, "ok now");

        assertThat(second).isEqualTo(new DecisionResult.AlreadyDecided(ApprovalStatus.REJECTED, ConsoleFixture.BOB));
        assertThat(callback.deliveries()).hasSize(1);
    }

    @Test
    void of_two_approvers_clicking_at_once_exactly_one_decision_wins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<DecisionResult> approve = () -> desk.decide(ConsoleFixture.bob(), request.id(),
                    ApprovalStatus.APPROVED, "go");
            Callable<DecisionResult> reject = () -> desk.decide(ConsoleFixture.bob(), request.id(),
                    ApprovalStatus.REJECTED, "stop");
            List<Future<DecisionResult>> results = pool.invokeAll(List.of(approve, reject));
            long winners = 0;
            for (Future<DecisionResult> f : results) {
                if (f.get() instanceof DecisionResult.Decided) {
                    winners++;
                }
            }
            assertThat(winners).isEqualTo(1);
            assertThat(callback.deliveries()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void approving_after_the_deadline_is_refused() {
        ApprovalRequest late = ConsoleFixture.requestApproval(stores, rollout, "canary-2", "policy-required",
                NOW.minus(Duration.ofHours(5)), Duration.ofHours(1));

        assertThat(desk.decide(ConsoleFixture.bob(), late.id(), ApprovalStatus.APPROVED, "sorry, late"))
                .isEqualTo(new DecisionResult.PastDeadline());
        assertThat(desk.pending(ConsoleFixture.bob())).filteredOn(p -> p.id().equals(late.id()))
                .singleElement().satisfies(p -> assertThat(p.overdue()).isTrue());
    }

    @Test
    void pending_approvals_are_listed_oldest_first_across_tenants_with_their_age() {
        Rollout other = ConsoleFixture.start(stores, GLOBEX, "billing-agent", "gina@example.com",
                NOW.minusSeconds(7200));
        ApprovalRequest older = ConsoleFixture.requestApproval(stores, other, "shadow", "policy-required",
                NOW.minusSeconds(1800), Duration.ofHours(4));
        var admin = dev.rollgate.console.security.ConsoleUser.of("ada@example.com",
                List.of(dev.rollgate.console.security.Role.ADMIN), List.of(ACME, GLOBEX));

        List<PendingApproval> pending = desk.pending(admin);

        assertThat(pending).extracting(PendingApproval::id).containsExactly(older.id(), request.id());
        assertThat(pending.get(0).age()).isEqualTo(Duration.ofMinutes(30));
        assertThat(pending.get(1).overdue()).isFalse();
    }

    @Test
    void a_workflow_that_cannot_be_reached_leaves_the_decision_stored_and_says_so_in_history() {
        ApprovalDesk failing = desk((req, decision) -> {
            throw new IllegalStateException("connection refused");
        });

        DecisionResult result = failing.decide(ConsoleFixture.bob(), request.id(), ApprovalStatus.APPROVED, "ok");

        assertThat(result).isEqualTo(new DecisionResult.DecidedNotDelivered(ApprovalStatus.APPROVED,
                "the workflow could not be reached"));
        assertThat(stores.approvals().get(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(lastEvent().type()).isEqualTo("APPROVAL_CALLBACK_NOT_DELIVERED");
        assertThat(lastEvent().actor()).isEqualTo(ConsoleFixture.BOB);
    }

    private HistoryEvent lastEvent() {
        List<HistoryEvent> events = stores.history().read(rollout.id(), PageRequest.first(100)).items();
        return events.get(events.size() - 1);
    }
}
