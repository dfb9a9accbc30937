package dev.rollgate.statemachine.local;

import dev.rollgate.core.traffic.AliasRouting;
import dev.rollgate.core.traffic.RefusalReason;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.rollgate.statemachine.local.LocalTargetsFixture.ALIAS;
import static dev.rollgate.statemachine.local.LocalTargetsFixture.FUNCTION;
import static dev.rollgate.statemachine.local.LocalTargetsFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalAgentAliasTest {
    private final VirtualClock clock = new VirtualClock(START);
    private final LocalAgentAlias alias = new LocalAgentAlias(FUNCTION, ALIAS, "1", clock);
    private final TrafficTarget target = LocalTargetsFixture.aliasTarget();

    @Test
    void shiftWeightsTheCandidateOnTheBaselineAndRecordsTheVirtualTime() {
        clock.advanceBy(Duration.ofMinutes(5));

        assertThat(alias.shift(target, 1, 10)).isEqualTo(new ShiftOutcome.Shifted(10));

        assertThat(alias.routing()).isEqualTo(AliasRouting.weighted("1", "2", 10));
        assertThat(alias.currentWeight(target)).isEqualTo(10);
        assertThat(alias.history()).last().satisfies(change -> {
            assertThat(change.at()).isEqualTo(START.plus(Duration.ofMinutes(5)));
            assertThat(change.routing()).isEqualTo(AliasRouting.weighted("1", "2", 10));
        });
    }

    @Test
    void reapplyingTheCurrentWeightChangesNothing() {
        alias.shift(target, 1, 10);
        int changes = alias.history().size();

        assertThat(alias.shift(target, 1, 10)).isEqualTo(new ShiftOutcome.Unchanged(10));
        assertThat(alias.history()).hasSize(changes);
    }

    @Test
    void movesThroughAnyListOfStagesAndRestoresAnUnweightedBaseline() {
        alias.shift(target, 1, 5);
        alias.shift(target, 2, 25);
        alias.shift(target, 3, 50);

        assertThat(alias.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Shifted(0));
        assertThat(alias.routing()).isEqualTo(AliasRouting.unweighted("1"));
        assertThat(alias.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Unchanged(0));
        assertThat(alias.history()).extracting(LocalAgentAlias.AliasChange::routing).containsExactly(
                AliasRouting.unweighted("1"), AliasRouting.weighted("1", "2", 5), AliasRouting.weighted("1", "2", 25),
                AliasRouting.weighted("1", "2", 50), AliasRouting.unweighted("1"));
    }

    @Test
    void promoteEndsWithAnUnweightedAliasOnTheCandidate() {
        alias.shift(target, 1, 50);

        assertThat(alias.promote(target)).isEqualTo(new ShiftOutcome.Shifted(100));
        assertThat(alias.routing()).isEqualTo(AliasRouting.unweighted("2"));
        assertThat(alias.promote(target)).isEqualTo(new ShiftOutcome.Unchanged(100));
        assertThat(alias.shift(target, 3, 100)).isEqualTo(new ShiftOutcome.Unchanged(100));
    }

    @Test
    void rollbackAfterPromotionReturnsToTheBaseline() {
        alias.promote(target);

        assertThat(alias.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Shifted(0));
        assertThat(alias.currentWeight(target)).isZero();
    }

    @Test
    void aliasMovedToAThirdVersionIsNotOverwrittenByAShiftButIsByARestore() {
        alias.route(AliasRouting.unweighted("7"), clock.instant(), "someone else deployed");

        assertThat(alias.shift(target, 1, 10)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(RefusalReason.ALIAS_MOVED_ELSEWHERE));
        assertThat(alias.routing()).isEqualTo(AliasRouting.unweighted("7"));

        assertThat(alias.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Shifted(0));
        assertThat(alias.routing()).isEqualTo(AliasRouting.unweighted("1"));
    }

    @Test
    void aTargetNamingAnotherAliasIsRejected() {
        TrafficTarget other = TrafficTarget.alias("rollout-1", FUNCTION, "beta", "1", "2");

        assertThatThrownBy(() -> alias.shift(other, 1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agent:beta");
    }

    @Test
    void concurrentRetriesOfOneShiftRecordASingleChange() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ShiftOutcome>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> alias.shift(target, 1, 10));
            }
            List<ShiftOutcome> outcomes = new ArrayList<>();
            for (Future<ShiftOutcome> f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }

            assertThat(outcomes).filteredOn(o -> o instanceof ShiftOutcome.Shifted).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ShiftOutcome.Unchanged).hasSize(15);
            assertThat(alias.history()).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
