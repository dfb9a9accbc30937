package dev.rollgate.core.state;

import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.rollgate.core.metrics.WindowRouting;
import java.util.function.Function;

import static dev.rollgate.core.state.StateFixture.T0;
import static dev.rollgate.core.state.StateFixture.at;
import static dev.rollgate.core.state.StateFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every state backend must show. Runs against the in-memory fakes (unit test) and the DynamoDB
 * adapters (integration test against an emulator), so the fakes cannot drift from the real thing.
 * Every test uses its own tenant and ids, so a backend may share its tables between tests.
 */
public abstract class StateStoreContract {
    /** Small pages so that a handful of items spans at least three pages. */
    private static final int PAGE = 3;

    private StateStores stores;
    private String tenant;

    /** The backend under test; called before every test. */
    protected abstract StateStores stores();

    @BeforeEach
    void setUpBackend() {
        stores = stores();
        tenant = unique("tenant");
    }

    // ---- rollouts ---------------------------------------------------------------------------------------------

    @Test
    void createdRolloutIsPendingAtVersionOneWithACreatedEvent() {
        NewRollout request = StateFixture.newRollout(tenant, "support-agent");

        CreateOutcome outcome = stores.rollouts().create(request, T0);

        assertThat(outcome).isInstanceOf(CreateOutcome.Created.class);
        Rollout stored = stores.rollouts().get(request.id()).orElseThrow();
        assertThat(stored).isEqualTo(Rollout.created(request, T0));
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.state().status()).isEqualTo(RolloutStatus.PENDING);
        List<HistoryEvent> history = allHistory(request.id());
        assertThat(history).extracting(HistoryEvent::sequence).containsExactly(1L);
    }

    @Test
    void creatingWithATakenIdReturnsTheExistingRolloutUnchanged() {
        NewRollout request = StateFixture.newRollout(tenant, "support-agent");
        stores.rollouts().create(request, T0);

        CreateOutcome second = stores.rollouts().create(request, at(5));

        assertThat(second).isEqualTo(new CreateOutcome.IdTaken(Rollout.created(request, T0)));
    }

    @Test
    void unknownRolloutIsAbsent() {
        assertThat(stores.rollouts().get(unique("missing"))).isEmpty();
    }

    @Test
    void updateWithTheExpectedVersionAppliesStateScoreAndEvents() {
        Rollout created = create(StateFixture.newRollout(tenant, "support-agent"), T0);
        RolloutState canary = new RolloutState(RolloutStatus.CANARY, 1, 10, at(10), at(10), "GATE_PASSED");
        HistoryEntry entered = HistoryEntry.of(at(10), "STAGE_ENTERED", "system:workflow", "GATE_PASSED");
        HistoryEntry shifted = HistoryEntry.of(at(10), "TRAFFIC_SHIFTED", "system:workflow", "GATE_PASSED");

        UpdateOutcome outcome = stores.rollouts().update(new RolloutChange(created.id(), 1, canary,
                Optional.of(97.5), at(10), List.of(entered, shifted)));

        Rollout expected = created.apply(new RolloutChange(created.id(), 1, canary, Optional.of(97.5), at(10),
                List.of()));
        assertThat(outcome).isEqualTo(new UpdateOutcome.Updated(expected));
        assertThat(stores.rollouts().get(created.id())).contains(expected);
        assertThat(expected.version()).isEqualTo(2);
        assertThat(allHistory(created.id())).extracting(HistoryEvent::type)
                .containsExactly(StateEvents.ROLLOUT_CREATED, "STAGE_ENTERED", "TRAFFIC_SHIFTED");
    }

    @Test
    void theRunOfARerunRolloutIsKept() {
        Rollout created = create(StateFixture.newRollout(tenant, "support-agent"), T0);
        RolloutState rerun = new RolloutState(RolloutStatus.PENDING, 1, 0, at(10), at(10), "RERUN_REQUESTED", 3);

        stores.rollouts().update(new RolloutChange(created.id(), 1, rerun, Optional.empty(), at(10), List.of()));

        assertThat(created.state().run()).isEqualTo(RolloutState.FIRST_RUN);
        assertThat(stores.rollouts().get(created.id()).orElseThrow().state()).isEqualTo(rerun);
    }

    @Test
    void updateWithoutANewScoreKeepsTheLastOne() {
        Rollout created = create(StateFixture.newRollout(tenant, "support-agent"), T0);
        RolloutState canary = new RolloutState(RolloutStatus.CANARY, 1, 10, at(10), at(10), "GATE_PASSED");
        stores.rollouts().update(new RolloutChange(created.id(), 1, canary, Optional.of(88.0), at(10), List.of()));

        stores.rollouts().update(new RolloutChange(created.id(), 2, canary, Optional.empty(), at(20), List.of()));

        assertThat(stores.rollouts().get(created.id()).orElseThrow().lastScore()).contains(88.0);
    }

    @Test
    void staleVersionUpdateIsRefusedAndWritesNothing() {
        Rollout created = create(StateFixture.newRollout(tenant, "support-agent"), T0);
        RolloutState shadow = new RolloutState(RolloutStatus.SHADOW, 0, 0, at(1), at(1), "PREFLIGHT_PASSED");
        stores.rollouts().update(new RolloutChange(created.id(), 1, shadow, Optional.empty(), at(1), List.of()));
        Rollout afterFirst = stores.rollouts().get(created.id()).orElseThrow();

        RolloutState aborted = new RolloutState(RolloutStatus.ABORTED, 0, 0, at(2), at(2), "OPERATOR_ABORT");
        UpdateOutcome stale = stores.rollouts().update(new RolloutChange(created.id(), 1, aborted, Optional.empty(),
                at(2), List.of(HistoryEntry.of(at(2), "OPERATOR_ACTION", "bob@example.com", "OPERATOR_ABORT"))));

        assertThat(stale).isEqualTo(new UpdateOutcome.Stale(created.id(), 1, 2));
        assertThat(stores.rollouts().get(created.id())).contains(afterFirst);
        assertThat(allHistory(created.id())).hasSize(1);
    }

    @Test
    void updateOfAnUnknownRolloutIsNotFound() {
        String id = unique("missing");
        UpdateOutcome outcome = stores.rollouts().update(new RolloutChange(id, 1, RolloutState.pending(T0),
                Optional.empty(), T0, List.of()));
        assertThat(outcome).isEqualTo(new UpdateOutcome.NotFound(id));
    }

    @Test
    void concurrentUpdatesFromOneVersionHaveExactlyOneWinner() throws Exception {
        Rollout created = create(StateFixture.newRollout(tenant, "support-agent"), T0);

        List<UpdateOutcome> outcomes = Concurrently.run(8, i -> stores.rollouts().update(new RolloutChange(
                created.id(), 1, new RolloutState(RolloutStatus.SHADOW, 0, 0, at(1), at(1), "R" + i),
                Optional.empty(), at(1), List.of(HistoryEntry.of(at(1), "STAGE_ENTERED", "system:test", "R" + i)))));

        assertThat(outcomes).filteredOn(o -> o instanceof UpdateOutcome.Updated).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof UpdateOutcome.Stale).hasSize(7);
        assertThat(stores.rollouts().get(created.id()).orElseThrow().version()).isEqualTo(2);
        assertThat(allHistory(created.id())).hasSize(2);
    }

    @Test
    void listByStatusIsNewestFirstAcrossPagesAndOnlyThatStatusAndTenant() {
        List<String> canaryIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Rollout r = create(StateFixture.newRollout(tenant, "agent-" + (i % 2)), at(i));
            if (i % 4 != 3) {
                moveTo(r, RolloutStatus.CANARY, at(100 + i));
                canaryIds.add(0, r.id());
            }
        }
        create(StateFixture.newRollout(unique("other-tenant"), "agent-0"), at(50));

        List<Rollout> listed = collect(p -> stores.rollouts().listByStatus(tenant, RolloutStatus.CANARY, p), 3);

        assertThat(listed).extracting(Rollout::id).containsExactlyElementsOf(canaryIds);
        assertThat(listed).allMatch(r -> r.state().status() == RolloutStatus.CANARY);
        assertThat(collect(p -> stores.rollouts().listByStatus(tenant, RolloutStatus.PENDING, p), 1))
                .hasSize(2);
    }

    @Test
    void listByTenantIsNewestFirstAcrossPages() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(0, create(StateFixture.newRollout(tenant, "agent-" + (i % 3)), at(i)).id());
        }
        create(StateFixture.newRollout(unique("other-tenant"), "agent-0"), at(4));

        assertThat(collect(p -> stores.rollouts().listByTenant(tenant, p), 3)).extracting(Rollout::id)
                .containsExactlyElementsOf(ids);
    }

    @Test
    void listByAgentIsNewestFirstAcrossPages() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Rollout r = create(StateFixture.newRollout(tenant, i % 3 == 0 ? "other-agent" : "support-agent"), at(i));
            if (i % 3 != 0) {
                ids.add(0, r.id());
            }
        }

        assertThat(collect(p -> stores.rollouts().listByAgent(tenant, "support-agent", p), 3))
                .extracting(Rollout::id).containsExactlyElementsOf(ids);
    }

    @Test
    void rolloutsCreatedAtTheSameInstantAreAllListedOnce() {
        for (int i = 0; i < 7; i++) {
            create(StateFixture.newRollout(tenant, "support-agent"), T0);
        }
        assertThat(collect(p -> stores.rollouts().listByTenant(tenant, p), 3)).extracting(Rollout::id)
                .doesNotHaveDuplicates().hasSize(7);
    }

    @Test
    void aCursorThisStoreDidNotIssueIsRejected() {
        create(StateFixture.newRollout(tenant, "support-agent"), T0);
        assertThatThrownBy(() -> stores.rollouts().listByTenant(tenant,
                new PageRequest(2, Optional.of("not a cursor!"))))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void emptyListingHasNoNextPage() {
        Page<Rollout> page = stores.rollouts().listByTenant(tenant, PageRequest.first(5));
        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    // ---- history ----------------------------------------------------------------------------------------------

    @Test
    void historyKeepsAppendOrderAcrossPages() {
        String rolloutId = unique("ro");
        List<String> types = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // Times deliberately not monotonic: order is append order, not timestamp order.
            HistoryEvent e = stores.history().append(rolloutId,
                    new HistoryEntry(at(10 - i), "EVENT_" + i, "system:test", "", Map.of("i", "" + i)));
            assertThat(e.sequence()).isEqualTo(i + 1);
            types.add("EVENT_" + i);
        }

        List<HistoryEvent> read = collectHistory(rolloutId, 4);

        assertThat(read).extracting(HistoryEvent::type).containsExactlyElementsOf(types);
        assertThat(read).extracting(HistoryEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(read.get(3).detail()).isEqualTo(Map.of("i", "3"));
        assertThat(read.get(3).at()).isEqualTo(at(7));
    }

    @Test
    void concurrentAppendsGetDistinctGaplessSequences() throws Exception {
        String rolloutId = unique("ro");

        List<HistoryEvent> appended = Concurrently.run(10, i -> stores.history().append(rolloutId,
                HistoryEntry.of(at(i), "EVENT_" + i, "system:test", "")));

        assertThat(appended).extracting(HistoryEvent::sequence).containsExactlyInAnyOrder(
                1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(collectHistory(rolloutId, 4)).containsExactlyElementsOf(appended.stream()
                .sorted((a, b) -> Long.compare(a.sequence(), b.sequence())).toList());
    }

    @Test
    void aVeryLongExplanationIsStoredTruncatedInsteadOfFailing() {
        String rolloutId = unique("ro");
        String explanation = "x".repeat(600_000);

        HistoryEvent stored = stores.history().append(rolloutId, new HistoryEntry(T0, "GATE_EVALUATED",
                "system:judge", "GATE_FAILED", Map.of("explanation", explanation, "verdict", "FAIL")));

        HistoryEvent read = collectHistory(rolloutId, 1).get(0);
        assertThat(read).isEqualTo(stored);
        assertThat(read.detail().get("verdict")).isEqualTo("FAIL");
        assertThat(read.detail().get("explanation")).startsWith("xxxx").contains("[truncated ");
        assertThat(StateLimits.utf8Length(read.detail().get("explanation")))
                .isLessThanOrEqualTo(StateLimits.MAX_HISTORY_DETAIL_BYTES);
    }

    // ---- metric windows ---------------------------------------------------------------------------------------

    @Test
    void windowsReadBackPerVariantInTimeOrderAcrossPages() {
        String rolloutId = unique("ro");
        List<MetricWindow> canary = new ArrayList<>();
        for (int i = 9; i >= 0; i--) { // written newest first, read oldest first
            MetricWindow w = StateFixture.window(Variant.CANARY, at(i * 5));
            assertThat(stores.windows().put(rolloutId, w, at(60))).isEqualTo(WindowPutOutcome.STORED);
            canary.add(0, w);
            stores.windows().put(rolloutId, StateFixture.bareWindow(Variant.BASELINE, at(i * 5)), at(60));
        }
        stores.windows().put(unique("other-rollout"), StateFixture.window(Variant.CANARY, at(0)), at(60));

        List<MetricWindow> read = collect(p -> stores.windows().read(rolloutId, Variant.CANARY, T0, at(1000), p), 3);

        assertThat(read).containsExactlyElementsOf(canary);
        assertThat(collect(p -> stores.windows().read(rolloutId, Variant.BASELINE, at(10), at(25), p), 1))
                .extracting(MetricWindow::windowStart).containsExactly(at(10), at(15), at(20));
    }

    @Test
    void theSameWindowTwiceIsStoredOnce() {
        String rolloutId = unique("ro");
        MetricWindow w = StateFixture.window(Variant.CANARY, T0);

        assertThat(stores.windows().put(rolloutId, w, at(5))).isEqualTo(WindowPutOutcome.STORED);
        assertThat(stores.windows().put(rolloutId, w, at(6))).isEqualTo(WindowPutOutcome.DUPLICATE);

        assertThat(collect(p -> stores.windows().read(rolloutId, Variant.CANARY, T0, at(60), p), 1))
                .containsExactly(w);
    }

    @Test
    void aDifferentWindowWithTheSameKeyIsAConflictAndTheFirstIsKept() {
        String rolloutId = unique("ro");
        MetricWindow w = StateFixture.window(Variant.CANARY, T0);
        MetricWindow sameDataOtherRouting = new MetricWindow(w.variant(), w.windowStart(), w.windowSeconds(),
                w.requests(), w.errors(), w.latencyMs(), w.policyEvaluations(), w.policyDenies(), w.safetyDenies(),
                w.parseFailures(), w.schemaViolations(), w.approvalBacklog(), w.reasonCodes(), w.criticalIncidents(),
                w.custom(), new WindowRouting(Optional.empty(), Optional.empty(), Optional.of(rolloutId)));
        MetricWindow moreErrors = new MetricWindow(w.variant(), w.windowStart(), w.windowSeconds(), w.requests(),
                w.errors() + 1, w.latencyMs(), w.policyEvaluations(), w.policyDenies(), w.safetyDenies(),
                w.parseFailures(), w.schemaViolations(), w.approvalBacklog(), w.reasonCodes(), w.criticalIncidents(),
                w.custom(), w.routing());
        stores.windows().put(rolloutId, w, at(5));

        assertThat(stores.windows().put(rolloutId, sameDataOtherRouting, at(6))).isEqualTo(WindowPutOutcome.DUPLICATE);
        assertThat(stores.windows().put(rolloutId, moreErrors, at(6)))
                .isEqualTo(WindowPutOutcome.CONFLICTING_DUPLICATE);
        assertThat(collect(p -> stores.windows().read(rolloutId, Variant.CANARY, T0, at(60), p), 1))
                .containsExactly(w);
    }

    @Test
    void windowWithoutOptionalPartsRoundTrips() {
        String rolloutId = unique("ro");
        MetricWindow bare = StateFixture.bareWindow(Variant.SHADOW, Instant.parse("2026-03-01T10:00:00.125Z"));
        stores.windows().put(rolloutId, bare, at(5));
        assertThat(stores.windows().read(rolloutId, Variant.SHADOW, T0, at(60), PageRequest.first(5)).items())
                .containsExactly(bare);
    }

    @Test
    void rejectedWindowsAreCountedPerReason() {
        String scope = unique("ro");
        stores.windows().countRejected(scope, "negative_count");
        stores.windows().countRejected(scope, "negative_count");
        stores.windows().countRejected(scope, "window_in_future");
        stores.windows().countRejected(unique("ro"), "negative_count");

        assertThat(stores.windows().rejectedCounts(scope))
                .isEqualTo(Map.of("negative_count", 2L, "window_in_future", 1L));
        assertThat(stores.windows().rejectedCounts(unique("nothing"))).isEmpty();
    }

    // ---- approvals --------------------------------------------------------------------------------------------

    @Test
    void approvalRequestIsStoredOnceAndReadBackWithItsToken() {
        ApprovalRequest request = StateFixture.approval(tenant, unique("ro"), T0);

        assertThat(stores.approvals().request(request)).isEqualTo(new ApprovalRequestOutcome.Requested(request));
        assertThat(stores.approvals().request(request))
                .isEqualTo(new ApprovalRequestOutcome.AlreadyRequested(request));
        assertThat(stores.approvals().get(request.id())).contains(request);
        assertThat(request.toString()).doesNotContain(request.taskToken());
    }

    @Test
    void aRepeatedRequestForAPendingApprovalRefreshesOnlyItsTaskToken() {
        ApprovalRequest request = StateFixture.approval(tenant, unique("ro"), T0);
        stores.approvals().request(request);
        ApprovalRequest retry = ApprovalRequest.pending(request.id(), request.rolloutId(), tenant, "canary-2",
                "policy-required", "alice@example.com", "retried-attempt-token", at(1), at(100));

        ApprovalRequest refreshed = request.withTaskToken("retried-attempt-token");
        assertThat(stores.approvals().request(retry)).isEqualTo(new ApprovalRequestOutcome.TokenRefreshed(refreshed));
        assertThat(stores.approvals().get(request.id())).contains(refreshed);
        assertThat(stores.approvals().pending(tenant, PageRequest.first(10)).items()).contains(refreshed);
        // The same token again changes nothing.
        assertThat(stores.approvals().request(retry)).isEqualTo(new ApprovalRequestOutcome.AlreadyRequested(refreshed));
    }

    @Test
    void aRepeatedRequestNeverReopensOrChangesADecidedApproval() {
        ApprovalRequest request = StateFixture.approval(tenant, unique("ro"), T0);
        stores.approvals().request(request);
        stores.approvals().decide(request.id(), new ApprovalDecision(ApprovalStatus.APPROVED, "bob@example.com",
                at(2), "looks fine"));
        ApprovalRequest decided = stores.approvals().get(request.id()).orElseThrow();
        ApprovalRequest retry = ApprovalRequest.pending(request.id(), request.rolloutId(), tenant, request.stage(),
                request.reason(), request.requester(), "late-token", at(3), at(100));

        assertThat(stores.approvals().request(retry)).isEqualTo(new ApprovalRequestOutcome.AlreadyRequested(decided));
        assertThat(stores.approvals().get(request.id())).contains(decided);
        assertThat(decided.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(stores.approvals().pending(tenant, PageRequest.first(10)).items())
                .noneMatch(a -> a.id().equals(request.id()));
    }

    @Test
    void pendingApprovalsAreOldestFirstAcrossPagesWithoutDecidedOnes() {
        List<String> pendingIds = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ApprovalRequest a = StateFixture.approval(tenant, unique("ro"), at(i));
            stores.approvals().request(a);
            if (i % 4 == 1) {
                stores.approvals().decide(a.id(), new ApprovalDecision(ApprovalStatus.REJECTED, "bob@example.com",
                        at(20), "metrics look wrong"));
            } else {
                pendingIds.add(a.id());
            }
        }
        stores.approvals().request(StateFixture.approval(unique("other-tenant"), unique("ro"), at(0)));

        List<ApprovalRequest> pending = collect(p -> stores.approvals().pending(tenant, p), 3);

        assertThat(pending).extracting(ApprovalRequest::id).containsExactlyElementsOf(pendingIds);
        assertThat(pending).allMatch(a -> a.status() == ApprovalStatus.PENDING);
    }

    @Test
    void twoConcurrentDecisionsHaveExactlyOneWinner() throws Exception {
        // Several rounds, because a race that is lost only sometimes must still be caught.
        for (int round = 0; round < 5; round++) {
            ApprovalRequest request = StateFixture.approval(tenant, unique("ro"), T0);
            stores.approvals().request(request);

            List<DecideOutcome> outcomes = Concurrently.run(2, i -> stores.approvals().decide(request.id(),
                    new ApprovalDecision(i == 0 ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED,
                            "approver-" + i + "@example.com", at(30), "decision " + i)));

            List<DecideOutcome.Decided> winners = outcomes.stream().filter(o -> o instanceof DecideOutcome.Decided)
                    .map(o -> (DecideOutcome.Decided) o).toList();
            List<DecideOutcome.AlreadyDecided> losers = outcomes.stream()
                    .filter(o -> o instanceof DecideOutcome.AlreadyDecided)
                    .map(o -> (DecideOutcome.AlreadyDecided) o).toList();
            assertThat(winners).as("winners in round " + round).hasSize(1);
            assertThat(losers).as("losers in round " + round).hasSize(1);
            ApprovalRequest stored = stores.approvals().get(request.id()).orElseThrow();
            assertThat(stored).isEqualTo(winners.get(0).request());
            assertThat(losers.get(0).request()).isEqualTo(stored);
            List<HistoryEvent> history = allHistory(request.rolloutId());
            assertThat(history).containsExactly(winners.get(0).event());
            assertThat(history.get(0).actor()).isEqualTo(stored.decision().orElseThrow().decidedBy());
        }
    }

    @Test
    void approvingAfterTheDeadlineIsRefusedButRejectingIsAccepted() {
        ApprovalRequest request = StateFixture.approval(tenant, unique("ro"), T0);
        stores.approvals().request(request);
        Instant late = request.deadline().plus(Duration.ofMinutes(1));

        DecideOutcome approve = stores.approvals().decide(request.id(),
                new ApprovalDecision(ApprovalStatus.APPROVED, "bob@example.com", late, "looks fine"));
        DecideOutcome reject = stores.approvals().decide(request.id(),
                new ApprovalDecision(ApprovalStatus.REJECTED, "system:deadline", late, "deadline passed"));

        assertThat(approve).isEqualTo(new DecideOutcome.PastDeadline(request));
        assertThat(reject).isInstanceOf(DecideOutcome.Decided.class);
        assertThat(stores.approvals().get(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(allHistory(request.rolloutId())).hasSize(1);
    }

    @Test
    void decidingAnUnknownApprovalIsNotFound() {
        String id = unique("ap");
        assertThat(stores.approvals().decide(id, new ApprovalDecision(ApprovalStatus.APPROVED, "bob", T0, "ok")))
                .isEqualTo(new DecideOutcome.NotFound(id));
    }

    // ---- idempotent starts ------------------------------------------------------------------------------------

    @Test
    void twentyConcurrentStartsWithOneKeyCreateOneRollout() throws Exception {
        String key = unique("key");
        NewRollout template = StateFixture.newRollout(tenant, "support-agent");

        List<StartOutcome> outcomes = Concurrently.run(20, i -> stores.starts().start(key, new NewRollout(
                template.id() + "-" + i, tenant, template.agent(), template.candidateVersion(),
                template.baselineVersion(), template.requester(), template.policyName(), template.policyVersion(),
                template.policyYaml()), T0));

        List<Rollout> started = outcomes.stream().filter(o -> o instanceof StartOutcome.Started)
                .map(o -> ((StartOutcome.Started) o).rollout()).toList();
        assertThat(started).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof StartOutcome.AlreadyStarted).hasSize(19)
                .allSatisfy(o -> assertThat(((StartOutcome.AlreadyStarted) o).rollout()).isEqualTo(started.get(0)));
        assertThat(collect(p -> stores.rollouts().listByTenant(tenant, p), 1)).containsExactly(started.get(0));
        assertThat(allHistory(started.get(0).id())).hasSize(1);
    }

    @Test
    void theSameKeyWithADifferentRequestIsAConflictAndWritesNothing() {
        String key = unique("key");
        NewRollout first = StateFixture.newRollout(tenant, "support-agent");
        Rollout rollout = ((StartOutcome.Started) stores.starts().start(key, first, T0)).rollout();
        NewRollout different = new NewRollout(unique("ro"), tenant, "support-agent", "v43", "v41",
                first.requester(), first.policyName(), first.policyVersion(), first.policyYaml());

        StartOutcome outcome = stores.starts().start(key, different, at(1));

        assertThat(outcome).isEqualTo(new StartOutcome.KeyConflict(key, rollout.id()));
        assertThat(stores.rollouts().get(different.id())).isEmpty();
        assertThat(collect(p -> stores.rollouts().listByTenant(tenant, p), 1)).containsExactly(rollout);
    }

    @Test
    void theSameKeyInAnotherTenantIsIndependent() {
        String key = unique("key");
        stores.starts().start(key, StateFixture.newRollout(tenant, "support-agent"), T0);

        StartOutcome other = stores.starts().start(key, StateFixture.newRollout(unique("tenant"), "a"), T0);

        assertThat(other).isInstanceOf(StartOutcome.Started.class);
    }

    @Test
    void anExpiredKeyStartsANewRollout() {
        String key = unique("key");
        NewRollout first = StateFixture.newRollout(tenant, "support-agent");
        stores.starts().start(key, first, T0);
        NewRollout again = new NewRollout(unique("ro"), tenant, first.agent(), first.candidateVersion(),
                first.baselineVersion(), first.requester(), first.policyName(), first.policyVersion(),
                first.policyYaml());

        StartOutcome within = stores.starts().start(key, again, T0.plus(RolloutStarts.KEY_LIFETIME).minusSeconds(1));
        StartOutcome after = stores.starts().start(key, again, T0.plus(RolloutStarts.KEY_LIFETIME).plusSeconds(1));

        assertThat(within).isInstanceOf(StartOutcome.AlreadyStarted.class);
        assertThat(after).isInstanceOf(StartOutcome.Started.class);
        assertThat(((StartOutcome.Started) after).rollout().id()).isEqualTo(again.id());
    }

    // ---- policies ---------------------------------------------------------------------------------------------

    @Test
    void policyVersionsCountUpAndListNewestFirstAcrossPages() {
        for (int v = 1; v <= 7; v++) {
            PublishOutcome outcome = stores.policies().publish(tenant, "default", v - 1, "version: " + v,
                    "alice", at(v));
            assertThat(outcome).isEqualTo(new PublishOutcome.Published(
                    new StoredPolicy(tenant, "default", v, "version: " + v, "alice", at(v))));
        }

        assertThat(collect(p -> stores.policies().versions(tenant, "default", p), 3))
                .extracting(StoredPolicy::version).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(stores.policies().latest(tenant, "default").orElseThrow().yaml()).isEqualTo("version: 7");
        assertThat(stores.policies().get(tenant, "default", 3).orElseThrow().yaml()).isEqualTo("version: 3");
        assertThat(stores.policies().get(tenant, "default", 8)).isEmpty();
        assertThat(stores.policies().latest(unique("tenant"), "default")).isEmpty();
    }

    @Test
    void policyListShowsTheLatestVersionOfEachNameAcrossPages() {
        List<String> names = List.of("a-policy", "b-policy", "c-policy", "d-policy", "e-policy", "f-policy",
                "g-policy");
        for (String name : names) {
            stores.policies().publish(tenant, name, 0, name + " v1", "alice", T0);
            stores.policies().publish(tenant, name, 1, name + " v2", "alice", at(1));
        }

        List<StoredPolicy> listed = collect(p -> stores.policies().list(tenant, p), 3);

        assertThat(listed).extracting(StoredPolicy::name).containsExactlyElementsOf(names);
        assertThat(listed).allMatch(p -> p.version() == 2 && p.yaml().endsWith(" v2"));
    }

    @Test
    void publishingFromAStaleLatestVersionIsAConflict() {
        stores.policies().publish(tenant, "default", 0, "v1", "alice", T0);

        PublishOutcome stale = stores.policies().publish(tenant, "default", 0, "other v1", "bob", at(1));

        assertThat(stale).isEqualTo(new PublishOutcome.VersionConflict("default", 0, 1));
        assertThat(stores.policies().latest(tenant, "default").orElseThrow().yaml()).isEqualTo("v1");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Rollout create(NewRollout request, Instant now) {
        return ((CreateOutcome.Created) stores.rollouts().create(request, now)).rollout();
    }

    private void moveTo(Rollout rollout, RolloutStatus status, Instant now) {
        UpdateOutcome outcome = stores.rollouts().update(new RolloutChange(rollout.id(), rollout.version(),
                new RolloutState(status, 1, 10, now, now, "TEST"), Optional.empty(), now, List.of()));
        assertThat(outcome).isInstanceOf(UpdateOutcome.Updated.class);
    }

    private List<HistoryEvent> allHistory(String rolloutId) {
        return collect(p -> stores.history().read(rolloutId, p), 1);
    }

    private List<HistoryEvent> collectHistory(String rolloutId, int minPages) {
        return collect(p -> stores.history().read(rolloutId, p), minPages);
    }

    /** Reads every page with {@value #PAGE} items per page and checks that at least {@code minPages} were read. */
    private static <T> List<T> collect(Function<PageRequest, Page<T>> listing, int minPages) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        int pages = 0;
        while (true) {
            Page<T> page = listing.apply(request);
            pages++;
            assertThat(page.items()).hasSizeLessThanOrEqualTo(PAGE);
            all.addAll(page.items());
            if (!page.hasNext()) {
                break;
            }
            assertThat(pages).as("listing does not end").isLessThan(1000);
            request = request.next(page);
        }
        assertThat(pages).as("pages read").isGreaterThanOrEqualTo(minPages);
        return all;
    }
}
