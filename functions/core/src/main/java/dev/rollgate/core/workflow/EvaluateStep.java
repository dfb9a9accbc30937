package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.Observation;
import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.lifecycle.VerdictOutcome;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.state.ApprovalDecision;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.DecideOutcome;
import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workflow's Evaluate task, in three kinds: an interval evaluation, applying a human's stored approval
 * decision, and resolving an approval whose time ran out (as rejected).
 *
 * <p>An interval evaluation runs every few minutes ({@link StepPlanner#MAX_OBSERVATION_WAIT}) over the windows
 * since the stage began. The rollback triggers are checked at every one of them. The judge's score and the stage
 * gate (about 40 trigger checks' worth of CPU at 20 metrics) are computed only where the policy asks for them: at
 * the first evaluation after each analysis interval ends and once the stage's minimum duration is reached, as
 * {@code rollgate replay} does. The bake never scores (its outcome is the triggers and the time), and a check whose
 * triggers do not compare with the baseline (a stage at 100 %) does not read the baseline's windows.
 */
public final class EvaluateStep {
    public static final String GATE_EVENT = "GATE_EVALUATED";
    public static final String TIMEOUT_DECIDER = "system:deadline";
    /** History detail {@code check}: the full evaluation (triggers, score, gates) at an interval end. */
    public static final String CHECK_FULL = "full";
    /** History detail {@code check}: the rollback triggers alone, at the checks between interval ends. */
    public static final String CHECK_TRIGGERS = "triggers";

    /** Which of the three evaluations the workflow asks for. */
    public enum Kind {
        INTERVAL,
        APPROVAL_DECIDED,
        APPROVAL_TIMED_OUT
    }

    private static final int PAGE = 500;
    private final RolloutAdvancer advancer;
    private final StageJudge judge;
    private final MetricWindowStore windows;
    private final Approvals approvals;

    public EvaluateStep(RolloutAdvancer advancer, StageJudge judge, MetricWindowStore windows, Approvals approvals) {
        this.advancer = advancer;
        this.judge = judge;
        this.windows = windows;
        this.approvals = approvals;
    }

    public WorkflowStep run(String rolloutId, Kind kind, Instant now) {
        return switch (kind) {
            case INTERVAL -> advancer.advance(rolloutId, loaded -> interval(loaded, now), "system:judge", now).step();
            case APPROVAL_DECIDED -> advancer.advance(rolloutId, this::decided, "system:workflow", now).step();
            case APPROVAL_TIMED_OUT -> advancer.advance(rolloutId, loaded -> timedOut(loaded, now),
                    "system:workflow", now).step();
        };
    }

    private StepInput interval(LoadedRollout loaded, Instant now) {
        RolloutState state = loaded.rollout().state();
        RolloutStatus status = state.status();
        if (status != RolloutStatus.SHADOW && status != RolloutStatus.CANARY && status != RolloutStatus.BAKING) {
            return StepInput.nothing();
        }
        Stage stage = loaded.currentStage();
        Duration elapsed = Duration.between(state.stageEnteredAt(), now);
        boolean minimumReached = elapsed.compareTo(stage.minDuration()) >= 0;
        boolean scored = status != RolloutStatus.BAKING && (minimumReached
                || intervalEndedSince(stage.analysis().interval(), state.stageEnteredAt(), loaded.rollout().updatedAt(),
                now));
        String rolloutId = loaded.rollout().id();
        Variant candidate = status == RolloutStatus.SHADOW ? Variant.SHADOW : Variant.CANARY;
        boolean needsBaseline = scored || judge.triggersCompareWithBaseline(loaded.policy(), state.stageIndex());
        List<MetricWindow> baseline = needsBaseline ? read(rolloutId, Variant.BASELINE, state.stageEnteredAt(), now)
                : List.of();
        List<MetricWindow> canary = read(rolloutId, candidate, state.stageEnteredAt(), now);
        StageJudge.Assessment a = scored
                ? judge.assess(loaded.policy(), state.stageIndex(), baseline, canary, elapsed)
                : judge.checkTriggers(loaded.policy(), state.stageIndex(), baseline, canary, elapsed);
        List<Observation> observations = new ArrayList<>();
        if (a.trigger().isPresent()) {
            observations.add(new Observation.TriggerFired(a.trigger().get().code(), a.trigger().get().detail()));
        } else if (status == RolloutStatus.BAKING) {
            observations.add(minimumReached ? new Observation.BakeFinished() : new Observation.Tick());
        } else if (scored) {
            observations.add(new Observation.JudgeVerdict(state.stageIndex(), verdictFor(a, minimumReached),
                    clamp(a.score()), a.reasons()));
        } else {
            observations.add(new Observation.Tick());
        }
        Map<String, String> detail = new LinkedHashMap<>(a.explanation());
        detail.put("stage", stage.name());
        detail.put("check", scored ? CHECK_FULL : CHECK_TRIGGERS);
        detail.put("decision", a.trigger().map(t -> "ROLLBACK").orElse(a.outcome().name()));
        if (scored) {
            detail.put("score", Double.toString(a.score()));
        }
        detail.put("reasons", String.join(",", a.reasons()));
        detail.put("baselineWindows", needsBaseline ? Integer.toString(baseline.size()) : "not read");
        detail.put("canaryWindows", Integer.toString(canary.size()));
        a.trigger().ifPresent(t -> detail.put("trigger", t.code().name() + ": " + t.detail()));
        HistoryEntry event = new HistoryEntry(now, GATE_EVENT, "system:judge",
                a.trigger().map(t -> t.code().reason().name()).orElse(a.outcome().name()), detail);
        return new StepInput(observations, List.of(event), scored ? Optional.of(clamp(a.score())) : Optional.empty());
    }

    /**
     * True when an analysis interval of the stage ended after the rollout was last written, i.e. this is the first
     * evaluation at or after that interval end (every evaluation writes the rollout, and while a stage is observed
     * nothing else does but an abort). An interval of zero scores every evaluation.
     */
    static boolean intervalEndedSince(Duration interval, Instant stageEnteredAt, Instant lastWritten, Instant now) {
        if (interval.isZero() || interval.isNegative()) {
            return true;
        }
        long ended = Duration.between(stageEnteredAt, now).dividedBy(interval);
        return ended >= 1 && lastWritten.isBefore(stageEnteredAt.plus(interval.multipliedBy(ended)));
    }

    /**
     * Once the stage's minimum duration has passed, "not enough data yet" becomes a question for a human: a
     * low-traffic canary then waits for approval instead of observing forever, and is never promoted on its own.
     */
    private static VerdictOutcome verdictFor(StageJudge.Assessment a, boolean minimumReached) {
        return a.outcome() == VerdictOutcome.CONTINUE && minimumReached ? VerdictOutcome.HOLD : a.outcome();
    }

    private StepInput decided(LoadedRollout loaded) {
        RolloutState state = loaded.rollout().state();
        if (state.status() != RolloutStatus.HOLD) {
            return StepInput.nothing();
        }
        Optional<ApprovalRequest> request = approvals.get(ApprovalIds.of(loaded.rollout().id(), state));
        Optional<ApprovalDecision> decision = request.flatMap(ApprovalRequest::decision);
        return decision.map(d -> StepInput.of(new Observation.ApprovalDecision(
                d.verdict() == ApprovalStatus.APPROVED, d.decidedBy(), d.reason()))).orElse(StepInput.nothing());
    }

    private StepInput timedOut(LoadedRollout loaded, Instant now) {
        RolloutState state = loaded.rollout().state();
        if (state.status() != RolloutStatus.HOLD) {
            return StepInput.nothing();
        }
        String id = ApprovalIds.of(loaded.rollout().id(), state);
        DecideOutcome outcome = approvals.decide(id, new ApprovalDecision(ApprovalStatus.REJECTED, TIMEOUT_DECIDER,
                now, "approval deadline passed"));
        // A human who decided just before the deadline wins; otherwise the request resolves as rejected.
        if (outcome instanceof DecideOutcome.AlreadyDecided already && already.request().decision().isPresent()
                && !TIMEOUT_DECIDER.equals(already.request().decision().get().decidedBy())) {
            ApprovalDecision d = already.request().decision().get();
            return StepInput.of(new Observation.ApprovalDecision(d.verdict() == ApprovalStatus.APPROVED,
                    d.decidedBy(), d.reason()));
        }
        return StepInput.of(new Observation.ApprovalTimedOut());
    }

    private List<MetricWindow> read(String rolloutId, Variant variant, Instant from, Instant until) {
        List<MetricWindow> all = new ArrayList<>();
        PageRequest page = PageRequest.first(PAGE);
        while (true) {
            Page<MetricWindow> got = windows.read(rolloutId, variant, from, until, page);
            all.addAll(got.items());
            if (!got.hasNext()) {
                return all;
            }
            page = page.next(got);
        }
    }

    private static double clamp(double score) {
        return Double.isFinite(score) ? Math.max(0, Math.min(100, score)) : 0;
    }
}
