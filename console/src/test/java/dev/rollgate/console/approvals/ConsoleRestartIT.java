package dev.rollgate.console.approvals;

import dev.rollgate.console.ConsoleApplication;
import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.Role;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateEvents;
import dev.rollgate.core.state.StateStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console restarting while an approval is pending: a fresh console (a new Spring context on the DynamoDB
 * backend, the same moto tables) still lists the approval with everything the approver needs, and it is decided
 * exactly once, even when two approvers click at once on the restarted console; a later attempt sees the winner.
 */
class ConsoleRestartIT {
    private static final ConsoleUser CAROL = ConsoleUser.of("carol@example.com", List.of(Role.APPROVER),
            List.of(ConsoleFixture.ACME));
    private final String prefix = "restart-it-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    private ConfigurableApplicationContext startConsole() {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("AWS_ENDPOINT_URL is not set: run this test through infra/test.sh"
                    + " (e.g. infra/test.sh -pl console -am), which starts moto and sets it");
        }
        // Command-line arguments, as an operator would start it; they win over application.yml.
        return new SpringApplicationBuilder(ConsoleApplication.class).profiles("local")
                .run("--server.port=0", "--rollgate.console.backend=dynamodb",
                        "--rollgate.console.dynamodb.create-tables=true",
                        "--rollgate.console.dynamodb.endpoint=" + endpoint,
                        "--rollgate.console.dynamodb.table-prefix=" + prefix);
    }

    @Test
    void aPendingApprovalSurvivesARestartAndIsDecidedExactlyOnce() throws Exception {
        ApprovalRequest requested;
        Rollout held;
        try (ConfigurableApplicationContext first = startConsole()) {
            StateStores stores = first.getBean(StateStores.class);
            Instant now = first.getBean(Clock.class).instant();
            Rollout started = ConsoleFixture.start(stores, ConsoleFixture.ACME, "support-agent",
                    ConsoleFixture.ALICE, now.minusSeconds(600));
            held = ConsoleFixture.move(stores, started.id(), RolloutStatus.HOLD, 1, 10, Optional.of(82.0), now,
                    ConsoleFixture.stageEntered(now, "canary-1", 10));
            requested = ConsoleFixture.requestApproval(stores, held, "canary-1", "marginal-score", now,
                    Duration.ofHours(2));
            assertThat(first.getBean(ApprovalDesk.class).pending(ConsoleFixture.bob()))
                    .extracting(PendingApproval::id).containsExactly(requested.id());
        }

        try (ConfigurableApplicationContext restarted = startConsole()) {
            ApprovalDesk desk = restarted.getBean(ApprovalDesk.class);
            List<PendingApproval> pending = desk.pending(ConsoleFixture.bob());
            assertThat(pending).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo(requested.id());
                assertThat(p.rolloutId()).isEqualTo(held.id());
                assertThat(p.stage()).isEqualTo("canary-1");
                assertThat(p.reason()).isEqualTo("marginal-score");
                assertThat(p.requester()).isEqualTo(ConsoleFixture.ALICE);
                assertThat(p.deadline()).isEqualTo(requested.deadline());
            });
            // Four eyes holds after the restart as before it.
            assertThat(desk.decide(ConsoleFixture.alice(), requested.id(), ApprovalStatus.APPROVED, "mine"))
                    .isInstanceOf(DecisionResult.Refused.class);

            List<DecisionResult> results = bothAtOnce(
                    () -> desk.decide(ConsoleFixture.bob(), requested.id(), ApprovalStatus.APPROVED, "canary fine"),
                    () -> desk.decide(CAROL, requested.id(), ApprovalStatus.REJECTED, "p99 too high"));

            assertThat(results).filteredOn(r -> r instanceof DecisionResult.Decided
                    || r instanceof DecisionResult.DecidedNotDelivered).hasSize(1);
            assertThat(results).filteredOn(r -> r instanceof DecisionResult.AlreadyDecided).hasSize(1);
            assertThat(desk.pending(ConsoleFixture.bob())).isEmpty();
            StateStores stores = restarted.getBean(StateStores.class);
            ApprovalRequest stored = stores.approvals().get(requested.id()).orElseThrow();
            assertThat(stored.decision()).isPresent();
            assertThat(desk.decide(ConsoleFixture.bob(), requested.id(), ApprovalStatus.APPROVED, "again"))
                    .isEqualTo(new DecisionResult.AlreadyDecided(stored.status(), stored.decision().get().decidedBy()));
            List<HistoryEvent> decided = stores.history().read(held.id(), PageRequest.first(100)).items().stream()
                    .filter(e -> e.type().equals(StateEvents.APPROVAL_DECIDED)).toList();
            assertThat(decided).singleElement()
                    .satisfies(e -> assertThat(e.actor()).isEqualTo(stored.decision().get().decidedBy()));
        }
    }

    private static List<DecisionResult> bothAtOnce(java.util.concurrent.Callable<DecisionResult> a,
                                                   java.util.concurrent.Callable<DecisionResult> b)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<DecisionResult>> futures = new ArrayList<>();
            for (var call : List.of(a, b)) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<DecisionResult> results = new ArrayList<>();
            for (Future<DecisionResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
