package dev.rollgate.core.workflow;

import dev.rollgate.core.judge.StageEvaluator;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.lifecycle.TriggerCode;
import dev.rollgate.core.lifecycle.VerdictOutcome;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.WindowPutOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which interval evaluations score and which check the rollback triggers alone, under the fixture's plan (shadow
 * 1 h, canaries of 3 h judged every hour, a 24-hour bake at 100 %), with checks every 5 minutes.
 */
class EvaluateScheduleTest {
    private final WorkflowFixture f = new WorkflowFixture();
    private final RecordingJudge judge = new RecordingJudge();
    private final RecordingWindows windows = new RecordingWindows(f.stores.windows());
    private final EvaluateStep evaluate = new EvaluateStep(f.advancer, judge, windows, f.stores.approvals());

    @Test
    void eachStageScoresOnlyAtItsIntervalEndsAndChecksTriggersEveryFiveMinutesInBetween() {
        String id = f.startRollout("schedule");

        WorkflowStep end = drive(f.preflight.run(id, f.now));

        assertThat(end.status()).isEqualTo(RolloutStatus.PROMOTED);
        // Shadow: its hour is its one interval; each canary: at 1, 2 and 3 hours (3 h = its minimum duration).
        assertThat(judge.full(0)).containsExactly(Duration.ofHours(1));
        assertThat(judge.full(1)).containsExactly(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3));
        assertThat(judge.full(2)).containsExactly(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3));
        assertThat(judge.triggersOnly(1)).hasSize(33).allSatisfy(e -> assertThat(e.toSeconds() % 300).isZero())
                .doesNotContainAnyElementsOf(judge.full(1));
        // The bake never scores (its outcome is the triggers and the time), but checks triggers every 5 minutes,
        // the last time when its 24 hours are up.
        assertThat(judge.full(3)).isEmpty();
        assertThat(judge.triggersOnly(3)).hasSize(24 * 12).last().isEqualTo(Duration.ofHours(24));
    }

    @Test
    void triggerChecksAtFullTrafficReadNoBaselineWindowsAndScoredChecksReadBoth() {
        String id = f.startRollout("reads");

        drive(f.preflight.run(id, f.now));

        int bakeChecks = 24 * 12;
        assertThat(windows.reads(Variant.CANARY)).isEqualTo(3 * 12 * 2 + bakeChecks);
        // Below 100 % the error-rate ratio trigger compares with the baseline at every check; at 100 % nothing does.
        assertThat(windows.reads(Variant.BASELINE)).isEqualTo(12 + 3 * 12 * 2);
        assertThat(windows.reads(Variant.SHADOW)).isEqualTo(12);
    }

    @Test
    void aTriggerBetweenIntervalEndsRollsBackAtThatFiveMinuteCheck() {
        judge.fireInStage1After = Duration.ofMinutes(25);
        String id = f.startRollout("trigger");

        WorkflowStep end = drive(f.preflight.run(id, f.now));

        assertThat(end.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(judge.full(1)).isEmpty();
        assertThat(judge.triggersOnly(1)).last().isEqualTo(Duration.ofMinutes(25));
        assertThat(f.stores.history().read(id, PageRequest.first(500)).items()).filteredOn(e ->
                e.type().equals(EvaluateStep.GATE_EVENT) && e.reasonCode().equals("TRIGGER_ERROR_RATE_RATIO"))
                .singleElement().satisfies(e -> assertThat(e.detail()).containsEntry("check", EvaluateStep.CHECK_TRIGGERS)
                        .doesNotContainKey("score"));
    }

    @Test
    void aTriggerOnlyCheckLeavesTheStoredScoreAndRecordsWhatItChecked() {
        String id = f.startRollout("history");

        drive(f.preflight.run(id, f.now));

        assertThat(f.rollout(id).lastScore()).contains(97.0);
        List<HistoryEvent> gates = f.stores.history().read(id, PageRequest.first(500)).items().stream()
                .filter(e -> e.type().equals(EvaluateStep.GATE_EVENT)).toList();
        assertThat(gates).filteredOn(e -> e.detail().get("check").equals(EvaluateStep.CHECK_FULL)).hasSize(7)
                .allSatisfy(e -> assertThat(e.detail()).containsEntry("score", "97.0"));
        assertThat(gates).filteredOn(e -> e.detail().get("check").equals(EvaluateStep.CHECK_TRIGGERS))
                .hasSize(11 + 33 + 33 + 24 * 12)
                .allSatisfy(e -> assertThat(e.detail()).doesNotContainKey("score"));
    }

    @Test
    void theFirstCheckAtOrAfterAnIntervalEndScoresEvenWhenTheChecksDrift() {
        Instant entered = Instant.parse("2026-11-27T10:00:00Z");
        Duration hour = Duration.ofHours(1);
        Instant beforeEnd = entered.plus(Duration.ofMinutes(55)).plusSeconds(3);
        Instant afterEnd = entered.plus(hour).plusSeconds(7);

        assertThat(EvaluateStep.intervalEndedSince(hour, entered, beforeEnd, afterEnd)).isTrue();
        // The next check (and a retry of the scoring one) sees the write made after the interval ended.
        assertThat(EvaluateStep.intervalEndedSince(hour, entered, afterEnd, afterEnd.plusSeconds(300))).isFalse();
        assertThat(EvaluateStep.intervalEndedSince(hour, entered, afterEnd, afterEnd.plusSeconds(2))).isFalse();
        // Before the first interval ends nothing scores; the stage's entry is not an interval end.
        assertThat(EvaluateStep.intervalEndedSince(hour, entered, entered, entered.plusSeconds(300))).isFalse();
        // A check delayed past a whole interval still scores once.
        assertThat(EvaluateStep.intervalEndedSince(hour, entered, beforeEnd, entered.plus(hour.multipliedBy(2))
                .plusSeconds(1))).isTrue();
        assertThat(EvaluateStep.intervalEndedSince(Duration.ZERO, entered, afterEnd, afterEnd.plusSeconds(1))).isTrue();
    }

    private WorkflowStep drive(WorkflowStep step) {
        for (int i = 0; i < 2_000; i++) {
            switch (step.next()) {
                case SHIFT_TRAFFIC -> step = f.shift.run(step.rolloutId(), f.now);
                case OBSERVE -> {
                    f.now = f.now.plusSeconds(step.waitSeconds());
                    step = evaluate.run(step.rolloutId(), EvaluateStep.Kind.INTERVAL, f.now);
                }
                case ROLL_BACK -> step = f.rollBack.run(step.rolloutId(), Optional.empty(), f.now);
                case FINISH -> {
                    return f.recordOutcome.run(step.rolloutId(), f.now);
                }
                default -> throw new AssertionError("unexpected step " + step);
            }
        }
        throw new AssertionError("the workflow did not settle");
    }

    /** Promotes every scored stage at 97 and records when it scored and when it only checked triggers. */
    private static final class RecordingJudge implements StageJudge {
        final Map<Integer, List<Duration>> full = new java.util.HashMap<>();
        final Map<Integer, List<Duration>> triggers = new java.util.HashMap<>();
        Duration fireInStage1After;

        List<Duration> full(int stage) {
            return full.getOrDefault(stage, List.of());
        }

        List<Duration> triggersOnly(int stage) {
            return triggers.getOrDefault(stage, List.of());
        }

        @Override
        public Assessment assess(RolloutPolicy policy, int stageIndex, List<MetricWindow> baseline,
                                 List<MetricWindow> canary, Duration elapsed) {
            full.computeIfAbsent(stageIndex, k -> new ArrayList<>()).add(elapsed);
            return new Assessment(Optional.empty(), VerdictOutcome.PROMOTE, 97, List.of("GATES_PASSED"), Map.of());
        }

        @Override
        public Assessment checkTriggers(RolloutPolicy policy, int stageIndex, List<MetricWindow> baseline,
                                        List<MetricWindow> canary, Duration elapsed) {
            triggers.computeIfAbsent(stageIndex, k -> new ArrayList<>()).add(elapsed);
            if (stageIndex == 1 && fireInStage1After != null && elapsed.compareTo(fireInStage1After) >= 0) {
                return new Assessment(Optional.of(new Fired(TriggerCode.ERROR_RATE_RATIO, "ratio 2.4")),
                        VerdictOutcome.ROLLBACK, Double.NaN, List.of("TRIGGER_ERROR_RATE_RATIO"), Map.of());
            }
            return new Assessment(Optional.empty(), VerdictOutcome.CONTINUE, Double.NaN, List.of(), Map.of());
        }

        @Override
        public boolean triggersCompareWithBaseline(RolloutPolicy policy, int stageIndex) {
            return StageEvaluator.triggersUseBaseline(policy, policy.stage(stageIndex));
        }
    }

    /** Counts the reads (first pages) of each variant. */
    private static final class RecordingWindows implements MetricWindowStore {
        private final MetricWindowStore delegate;
        private final Map<Variant, Integer> reads = new java.util.EnumMap<>(Variant.class);

        RecordingWindows(MetricWindowStore delegate) {
            this.delegate = delegate;
        }

        int reads(Variant variant) {
            return reads.getOrDefault(variant, 0);
        }

        @Override
        public WindowPutOutcome put(String rolloutId, MetricWindow window, Instant now) {
            return delegate.put(rolloutId, window, now);
        }

        @Override
        public Page<MetricWindow> read(String rolloutId, Variant variant, Instant from, Instant until,
                                       PageRequest page) {
            reads.merge(variant, 1, Integer::sum);
            return delegate.read(rolloutId, variant, from, until, page);
        }

        @Override
        public void countRejected(String scope, String reason) {
            delegate.countRejected(scope, reason);
        }

        @Override
        public Map<String, Long> rejectedCounts(String scope) {
            return delegate.rejectedCounts(scope);
        }
    }
}
