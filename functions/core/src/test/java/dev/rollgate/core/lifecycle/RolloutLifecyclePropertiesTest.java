package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Command.PublishEvent;
import dev.rollgate.core.lifecycle.Command.RollBackTraffic;
import dev.rollgate.core.lifecycle.Command.ShiftTraffic;
import dev.rollgate.core.lifecycle.Observation.AbortRequested;
import dev.rollgate.core.lifecycle.Observation.ApprovalDecision;
import dev.rollgate.core.lifecycle.Observation.ApprovalTimedOut;
import dev.rollgate.core.lifecycle.Observation.BakeFinished;
import dev.rollgate.core.lifecycle.Observation.JudgeVerdict;
import dev.rollgate.core.lifecycle.Observation.PreflightFailed;
import dev.rollgate.core.lifecycle.Observation.PreflightNeedsApproval;
import dev.rollgate.core.lifecycle.Observation.PreflightPassed;
import dev.rollgate.core.lifecycle.Observation.RerunRequested;
import dev.rollgate.core.lifecycle.Observation.RollbackCompleted;
import dev.rollgate.core.lifecycle.Observation.Tick;
import dev.rollgate.core.lifecycle.Observation.TrafficShiftConfirmed;
import dev.rollgate.core.lifecycle.Observation.TriggerFired;
import dev.rollgate.core.policy.ApprovalMode;
import dev.rollgate.core.policy.RolloutPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.CANARY_1;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.CANARY_2;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.FULL;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.T0;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.withApproval;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the lifecycle over random histories of observations (in any order, duplicated, late, for the
 * wrong stage) on several plans. Named {@code *Test} so the default Surefire includes run it.
 */
class RolloutLifecyclePropertiesTest {
    /** Longer than any stage of any plan below, so one such wait passes every minimum duration. */
    private static final Duration PAST_ANY_STAGE = Duration.ofDays(30);

    /**
     * What a healthy system eventually reports, addressed to the rollout's current stage and weight but fed in a
     * fixed cycle whatever the status, so the termination property does not depend on choosing the right report.
     */
    private static final List<Function<RolloutState, Observation>> PROGRESS_REPORTS = List.of(
            s -> new Tick(),
            s -> new TrafficShiftConfirmed(s.trafficWeight()),
            s -> new PreflightPassed(),
            s -> new JudgeVerdict(s.stageIndex(), VerdictOutcome.PROMOTE, 100, List.of()),
            s -> new ApprovalDecision(true, "bob", ""),
            s -> new RollbackCompleted(),
            s -> new BakeFinished());

    /** One step of a random history: a report (possibly addressed to the rollout's state at that time) and a delay. */
    record Step(Function<RolloutState, Observation> report, Duration delay) {
    }

    record Move(RolloutState before, Observation observation, Transition transition) {
        RolloutState after() {
            return transition.state();
        }
    }

    @Property(tries = 250)
    void terminalStatesAbsorbEverythingButARerunOfARolledBackOrFailedRollout(
            @ForAll("plans") RolloutPolicy plan, @ForAll("terminalStatuses") RolloutStatus status,
            @ForAll("observations") Observation observation) {
        boolean reopens = observation instanceof RerunRequested
                && (status == RolloutStatus.ROLLED_BACK || status == RolloutStatus.FAILED);
        Assume.that(!reopens);
        RolloutState terminal = new RolloutState(status, plan.stages().size() - 1, 0, T0, T0, "ROLLBACK_COMPLETED");

        Transition transition = new RolloutLifecycle(plan).next(terminal, observation, T0.plus(PAST_ANY_STAGE));

        assertThat(transition.state()).isSameAs(terminal);
        assertThat(transition.commands()).isEmpty();
        assertThat(transition.reason()).isEqualTo(ReasonCode.IGNORED_TERMINAL);
    }

    @Property(tries = 250)
    void terminalStatesReachedByAnyHistoryStayPutUntilAnOperatorReruns(
            @ForAll("plans") RolloutPolicy plan, @ForAll("histories") List<Step> history) {
        for (Move move : replay(plan, history)) {
            if (move.before().status().isTerminal() && !(move.observation() instanceof RerunRequested)) {
                assertThat(move.after()).isSameAs(move.before());
            }
        }
    }

    @Property(tries = 250)
    void trafficWeightRisesOnlyStageByStageAndFallsOnlyToZeroOnRollback(
            @ForAll("plans") RolloutPolicy plan, @ForAll("histories") List<Step> history) {
        for (Move move : replay(plan, history)) {
            RolloutState before = move.before();
            RolloutState after = move.after();
            assertThat(after.stageIndex() - before.stageIndex()).as("stages advance one at a time")
                    .isLessThanOrEqualTo(1);
            if (after.trafficWeight() > before.trafficWeight()) {
                assertThat(after.stageIndex()).isIn(before.stageIndex(), before.stageIndex() + 1);
                assertThat(after.trafficWeight()).isEqualTo(plan.stage(after.stageIndex()).weight());
                assertThat(move.transition().commands())
                        .contains(new ShiftTraffic(after.stageIndex(), after.trafficWeight()));
            }
            if (after.trafficWeight() < before.trafficWeight()) {
                assertThat(after.status()).isEqualTo(RolloutStatus.ROLLING_BACK);
                assertThat(after.trafficWeight()).isZero();
            }
            move.transition().command(ShiftTraffic.class).ifPresent(shift ->
                    assertThat(shift.weight()).isEqualTo(after.trafficWeight()).isGreaterThan(before.trafficWeight()));
            if (after.stageIndex() < before.stageIndex()) {
                assertThat(move.observation()).isInstanceOf(RerunRequested.class);
                assertThat(after.trafficWeight()).isZero();
            }
        }
    }

    @Property(tries = 250)
    void theRunChangesOnlyByOneWithAnAcceptedRerun(
            @ForAll("plans") RolloutPolicy plan, @ForAll("histories") List<Step> history) {
        for (Move move : replay(plan, history)) {
            boolean rerun = move.transition().reason() == ReasonCode.RERUN_REQUESTED;
            assertThat(move.after().run()).as("run after %s", move.transition().reason())
                    .isEqualTo(move.before().run() + (rerun ? 1 : 0));
        }
    }

    @Property(tries = 250)
    void everyRollbackCommandsTheBaselineWeight(
            @ForAll("plans") RolloutPolicy plan, @ForAll("histories") List<Step> history) {
        for (Move move : replay(plan, history)) {
            RolloutState after = move.after();
            boolean startsRollback = after.status() == RolloutStatus.ROLLING_BACK
                    && move.before().status() != RolloutStatus.ROLLING_BACK;
            if (startsRollback) {
                assertThat(move.transition().command(RollBackTraffic.class)).get()
                        .extracting(RollBackTraffic::weight).isEqualTo(0);
                assertThat(after.trafficWeight()).isZero();
            }
            if (after.status() == RolloutStatus.ROLLED_BACK && move.before().status() != RolloutStatus.ROLLED_BACK) {
                assertThat(move.before().status()).as("rolled back only through ROLLING_BACK")
                        .isEqualTo(RolloutStatus.ROLLING_BACK);
            }
            move.transition().command(RollBackTraffic.class)
                    .ifPresent(rollBack -> assertThat(startsRollback).as("rollback command only when one starts")
                            .isTrue());
        }
    }

    @Property(tries = 250)
    void noOpsChangeNothingAndEveryChangePublishesItsReason(
            @ForAll("plans") RolloutPolicy plan, @ForAll("histories") List<Step> history) {
        for (Move move : replay(plan, history)) {
            Transition transition = move.transition();
            if (transition.commands().isEmpty()) {
                assertThat(move.after()).isSameAs(move.before());
            } else {
                assertThat(move.after().lastReason()).isEqualTo(transition.reason().name());
                assertThat(transition.commands()).filteredOn(PublishEvent.class::isInstance).singleElement()
                        .extracting(c -> ((PublishEvent) c).reason()).isEqualTo(transition.reason());
            }
            if (transition.reason().isIgnored()) {
                assertThat(move.after()).isSameAs(move.before());
            }
        }
    }

    @Property(tries = 250)
    void anyHistoryEndsInATerminalStateOnceStageDurationsPassAndReportsArrive(
            @ForAll("plans") RolloutPolicy plan, @ForAll("histories") List<Step> history) {
        RolloutLifecycle lifecycle = new RolloutLifecycle(plan);
        List<Move> prefix = replay(plan, history);
        requireHistoriesThatGetFar(prefix);
        RolloutState state = prefix.isEmpty() ? lifecycle.start(T0).state() : prefix.get(prefix.size() - 1).after();
        Instant now = state.updatedAt();
        // One report cycle moves a rollout at least one stage (or out of a wait), so this bound is generous.
        int bound = PROGRESS_REPORTS.size() * (plan.stages().size() + 2);

        int steps = 0;
        while (!state.status().isTerminal() && steps < bound) {
            now = now.plus(PAST_ANY_STAGE);
            state = lifecycle.next(state, PROGRESS_REPORTS.get(steps % PROGRESS_REPORTS.size()).apply(state), now)
                    .state();
            steps++;
        }

        assertThat(state.status().isTerminal())
                .as("rollout still running after %d report steps: %s", steps, state).isTrue();
    }

    /**
     * Guards the properties against passing only because random histories never got far: enough of them must
     * reach a hold, the bake, the end and a rollback. (ABORTED and FAILED are one report away from the start and
     * are covered by the terminal-state property and the unit tests.)
     */
    private static void requireHistoriesThatGetFar(List<Move> history) {
        history.stream().map(move -> move.after().status()).distinct()
                .forEach(status -> Statistics.label("histories visiting").collect(status));
        Statistics.label("histories visiting").coverage(checker -> {
            for (RolloutStatus status : List.of(RolloutStatus.HOLD, RolloutStatus.BAKING, RolloutStatus.PROMOTED,
                    RolloutStatus.ROLLED_BACK)) {
                checker.check(status).count(histories -> histories >= 20);
            }
        });
    }

    private static List<Move> replay(RolloutPolicy plan, List<Step> history) {
        RolloutLifecycle lifecycle = new RolloutLifecycle(plan);
        Instant now = T0;
        RolloutState state = lifecycle.start(now).state();
        List<Move> moves = new ArrayList<>();
        for (Step step : history) {
            now = now.plus(step.delay());
            Observation observation = step.report().apply(state);
            Transition transition = lifecycle.next(state, observation, now);
            moves.add(new Move(state, observation, transition));
            state = transition.state();
        }
        return moves;
    }

    @Provide
    Arbitrary<RolloutPolicy> plans() {
        return Arbitraries.of(
                LifecyclePolicyFixture.defaultPlan(),
                LifecyclePolicyFixture.defaultPlanWith(CANARY_1, s -> withApproval(s, ApprovalMode.ALWAYS)),
                LifecyclePolicyFixture.defaultPlanWith(CANARY_2, s -> withApproval(s, ApprovalMode.NEVER)),
                LifecyclePolicyFixture.defaultPlanWith(FULL, s -> withApproval(s, ApprovalMode.ALWAYS)),
                LifecyclePolicyFixture.argoPausePlan());
    }

    @Provide
    Arbitrary<RolloutStatus> terminalStatuses() {
        return Arbitraries.of(RolloutStatus.PROMOTED, RolloutStatus.ROLLED_BACK, RolloutStatus.ABORTED,
                RolloutStatus.FAILED);
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Duration> delays = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 90).map(Duration::ofMinutes)),
                Tuple.of(2, Arbitraries.integers().between(1, 30).map(Duration::ofHours)));
        // Each history gets its own noise level (0, 5, 13 or 33 % of reports), so some run cleanly to the end
        // and others are chaos.
        return Arbitraries.of(0, 1, 3, 10).flatMap(noise -> {
            Arbitrary<Function<RolloutState, Observation>> reports = Arbitraries.frequencyOf(
                    Tuple.of(40, Arbitraries.just(RolloutLifecyclePropertiesTest::sensibleReport)),
                    Tuple.of(noise, addressedReports()),
                    Tuple.of(noise, observations().map(observation -> state -> observation)));
            return Combinators.combine(reports, delays).as(Step::new).list().ofMinSize(5).ofMaxSize(60)
                    .withSizeDistribution(RandomDistribution.uniform());
        });
    }

    /** The report a healthy system would send next, so random histories also reach the later stages. */
    private static Observation sensibleReport(RolloutState state) {
        switch (state.status()) {
            case PENDING:
                return new PreflightPassed();
            case HOLD:
                return new ApprovalDecision(true, "bob", "");
            case PROMOTING:
                return new TrafficShiftConfirmed(state.trafficWeight());
            case ROLLING_BACK:
                return new RollbackCompleted();
            case BAKING:
                return new BakeFinished();
            default:
                return new JudgeVerdict(state.stageIndex(), VerdictOutcome.PROMOTE, 97, List.of());
        }
    }

    /** Reports the rollout may be waiting for (its stage's verdict, its weight, a preflight, a decision), any outcome. */
    private Arbitrary<Function<RolloutState, Observation>> addressedReports() {
        Arbitrary<Function<RolloutState, Observation>> verdicts = Combinators.combine(
                        Arbitraries.of(VerdictOutcome.class), Arbitraries.doubles().between(0, 100))
                .as((outcome, score) -> state -> new JudgeVerdict(state.stageIndex(), outcome, score, List.of()));
        Arbitrary<Observation> preflights = Arbitraries.of(new PreflightPassed(), new PreflightFailed("simulated DENY"),
                new PreflightNeedsApproval("simulated REQUIRE_APPROVAL"));
        Arbitrary<Observation> decisions = Arbitraries.of(new ApprovalDecision(true, "bob", ""),
                new ApprovalDecision(false, "bob", ""), new ApprovalTimedOut());
        return Arbitraries.oneOf(verdicts,
                Arbitraries.just(state -> new TrafficShiftConfirmed(state.trafficWeight())),
                preflights.map(observation -> state -> observation),
                decisions.map(observation -> state -> observation));
    }

    /** Any observation at all: stale verdicts, weights nobody commanded, reruns of unknown stages. */
    @Provide
    Arbitrary<Observation> observations() {
        Arbitrary<Observation> verdicts = Combinators.combine(Arbitraries.integers().between(0, 3),
                        Arbitraries.of(VerdictOutcome.class), Arbitraries.doubles().between(0, 100))
                .as((stage, outcome, score) -> new JudgeVerdict(stage, outcome, score, List.of()));
        return Arbitraries.oneOf(
                Arbitraries.just(new PreflightPassed()),
                Arbitraries.just(new PreflightFailed("simulated DENY")),
                Arbitraries.just(new PreflightNeedsApproval("simulated REQUIRE_APPROVAL")),
                verdicts,
                Arbitraries.just(new Tick()),
                Arbitraries.of(true, false).map(yes -> new ApprovalDecision(yes, "bob", "")),
                Arbitraries.just(new ApprovalTimedOut()),
                Arbitraries.of(TriggerCode.class).map(code -> new TriggerFired(code, "fired")),
                Arbitraries.of(0, 10, 25, 50, 100).map(TrafficShiftConfirmed::new),
                Arbitraries.just(new RollbackCompleted()),
                Arbitraries.just(new BakeFinished()),
                Arbitraries.just(new AbortRequested("carol", "")),
                Arbitraries.of("shadow", "canary-1", "canary-2", "full", "step-25", "no-such-stage")
                        .map(name -> new RerunRequested(name, "carol")));
    }
}
