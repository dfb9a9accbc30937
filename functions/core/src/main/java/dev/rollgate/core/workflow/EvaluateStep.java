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
 * The workflow's Evaluate task, in three kinds: an interval evaluation (judge, stage gate and triggers over the
 * windows since the stage began), applying a human's stored approval decision, and resolving an approval whose
 * time ran out (as rejected).
 */
public final class EvaluateStep {
    public static final String GATE_EVENT = "GATE_EVALUATED";
    public static final String TIMEOUT_DECIDER = "system:deadline";

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
        Variant candidate = status == RolloutStatus.SHADOW ? Variant.SHADOW : Variant.CANARY;
        List<MetricWindow> baseline = read(loaded.rollout().id(), Variant.BASELINE, state.stageEnteredAt(), now);
        List<MetricWindow> canary = read(loaded.rollout().id(), candidate, state.stageEnteredAt(), now);
        StageJudge.Assessment a = judge.assess(loaded.policy(), state.stageIndex(), baseline, canary, elapsed);
        boolean minimumReached = elapsed.compareTo(stage.minDuration()) >= 0;
        List<Observation> observations = new ArrayList<>();
        if (a.trigger().isPresent()) {
            observations.add(new Observation.TriggerFired(a.trigger().get().code(), a.trigger().get().detail()));
        } else if (status == RolloutStatus.BAKING) {
            observations.add(minimumReached ? new Observation.BakeFinished() : new Observation.Tick());
        } else {
            observations.add(new Observation.JudgeVerdict(state.stageIndex(), verdictFor(a, minimumReached),
                    clamp(a.score()), a.reasons()));
        }
        Map<String, String> detail = new LinkedHashMap<>(a.explanation());
        detail.put("stage", stage.name());
        detail.put("decision", a.trigger().map(t -> "ROLLBACK").orElse(a.outcome().name()));
        detail.put("score", Double.toString(a.score()));
        detail.put("reasons", String.join(",", a.reasons()));
        detail.put("baselineWindows", Integer.toString(baseline.size()));
        detail.put("canaryWindows", Integer.toString(canary.size()));
        a.trigger().ifPresent(t -> detail.put("trigger", t.code().name() + ": " + t.detail()));
        HistoryEntry event = new HistoryEntry(now, GATE_EVENT, "system:judge",
                a.trigger().map(t -> t.code().reason().name()).orElse(a.outcome().name()), detail);
        return new StepInput(observations, List.of(event), Optional.of(clamp(a.score())));
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
