package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Command.PublishEvent;
import dev.rollgate.core.lifecycle.Command.RecordOutcome;
import dev.rollgate.core.lifecycle.Command.RequestApproval;
import dev.rollgate.core.lifecycle.Command.RollBackTraffic;
import dev.rollgate.core.lifecycle.Command.RunPreflight;
import dev.rollgate.core.lifecycle.Command.ShiftTraffic;
import dev.rollgate.core.lifecycle.Command.StartObserving;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;

import java.time.Instant;
import java.util.List;

/**
 * The transitions several statuses share (entering a stage, leaving it, holding, rolling back, finishing), so
 * each rule is written once and the per-status handlers only decide which one applies.
 */
final class Moves {
    private final RolloutPolicy policy;

    Moves(RolloutPolicy policy) {
        this.policy = policy;
    }

    int stageCount() {
        return policy.stages().size();
    }

    int indexOf(String stageName) {
        return policy.indexOf(stageName);
    }

    Stage stageOf(RolloutState state) {
        return policy.stage(state.stageIndex());
    }

    /** Minimum durations count from {@link RolloutState#stageEnteredAt()}, which is set when traffic is in place. */
    boolean minDurationElapsed(RolloutState state, Instant now) {
        return !now.isBefore(state.stageEnteredAt().plus(stageOf(state).minDuration()));
    }

    Transition ignore(RolloutState state, Observation observation) {
        return Transition.noOp(state, observation.ignoredAs());
    }

    Transition stay(RolloutState state, ReasonCode why) {
        return Transition.noOp(state, why);
    }

    /**
     * A fresh rollout (run 1) or a rerun (the next run): run the preflight before anything reaches
     * {@code stageIndex}.
     */
    Transition awaitPreflight(int run, int stageIndex, ReasonCode why, String detail, Instant now) {
        RolloutState next = new RolloutState(RolloutStatus.PENDING, stageIndex, 0, now, now, why.name(), run);
        return new Transition(next, List.of(new RunPreflight(stageIndex), PublishEvent.of(next, why, detail)), why);
    }

    /**
     * Enter stage {@code index}: at once when no traffic has to move (a shadow stage at weight 0), else through
     * PROMOTING, because the stage's clock must not start before the candidate really serves its weight.
     */
    Transition enterStage(RolloutState state, int index, ReasonCode why, String detail, Instant now) {
        Stage stage = policy.stage(index);
        if (stage.weight() == state.trafficWeight()) {
            return observe(state, index, why, detail, now);
        }
        RolloutState next = new RolloutState(RolloutStatus.PROMOTING, index, stage.weight(), now, now, why.name(),
                state.run());
        return new Transition(next,
                List.of(new ShiftTraffic(index, stage.weight()), PublishEvent.of(next, why, detail)), why);
    }

    /** The commanded weight is in place: the stage starts now. */
    Transition trafficConfirmed(RolloutState state, Instant now) {
        return observe(state, state.stageIndex(), ReasonCode.TRAFFIC_SHIFT_CONFIRMED,
                "candidate serves " + state.trafficWeight() + "%", now);
    }

    private Transition observe(RolloutState state, int index, ReasonCode why, String detail, Instant now) {
        Stage stage = policy.stage(index);
        RolloutState next = new RolloutState(statusDuring(stage), index, stage.weight(), now, now, why.name(),
                state.run());
        return new Transition(next,
                List.of(new StartObserving(index, stage.name()), PublishEvent.of(next, why, detail)), why);
    }

    private static RolloutStatus statusDuring(Stage stage) {
        switch (stage.type()) {
            case SHADOW:
                return RolloutStatus.SHADOW;
            case CANARY:
                return RolloutStatus.CANARY;
            case FULL:
                return RolloutStatus.BAKING;
            default:
                throw new IllegalStateException("unhandled stage type " + stage.type());
        }
    }

    /** The current stage's gate passed: a human decides first if the policy says so, else move on. */
    Transition leaveStage(RolloutState state, ReasonCode why, String detail, Instant now) {
        Stage stage = stageOf(state);
        if (stage.pause().indefinite()) {
            return hold(state, ApprovalReason.INDEFINITE_PAUSE, detail, now);
        }
        if (stage.requiresApproval()) {
            return hold(state, ApprovalReason.POLICY_REQUIRED, detail, now);
        }
        return advance(state, why, detail, now);
    }

    /** Move to the next stage in policy order; past the last one the rollout is PROMOTED. */
    Transition advance(RolloutState state, ReasonCode why, String detail, Instant now) {
        int nextIndex = state.stageIndex() + 1;
        if (nextIndex < stageCount()) {
            return enterStage(state, nextIndex, why, detail, now);
        }
        return finish(state, RolloutStatus.PROMOTED, why, detail, now);
    }

    /** Wait for a human; traffic stays where it is and the stage's clock keeps its start. */
    Transition hold(RolloutState state, ApprovalReason reason, String detail, Instant now) {
        ReasonCode why = reason.reason();
        RolloutState next = new RolloutState(RolloutStatus.HOLD, state.stageIndex(), state.trafficWeight(),
                state.stageEnteredAt(), now, why.name(), state.run());
        return new Transition(next, List.of(new RequestApproval(state.stageIndex(), reason, detail),
                PublishEvent.of(next, why, detail)), why);
    }

    /** Put all traffic back on the baseline. The state records the commanded weight (0) straight away. */
    Transition rollBack(RolloutState state, ReasonCode why, String detail, Instant now) {
        RolloutState next = new RolloutState(RolloutStatus.ROLLING_BACK, state.stageIndex(),
                RollBackTraffic.BASELINE_WEIGHT, state.stageEnteredAt(), now, why.name(), state.run());
        return new Transition(next, List.of(new RollBackTraffic(why), PublishEvent.of(next, why, detail)), why);
    }

    /** End the rollout in a terminal status and record the outcome. */
    Transition finish(RolloutState state, RolloutStatus outcome, ReasonCode why, String detail, Instant now) {
        RolloutState next = new RolloutState(outcome, state.stageIndex(), state.trafficWeight(),
                state.stageEnteredAt(), now, why.name(), state.run());
        return new Transition(next, List.of(PublishEvent.of(next, why, detail),
                new RecordOutcome(outcome, state.stageIndex(), why)), why);
    }

    /** Same state, new last reason: for decisions that change what a wait resolves to, not where traffic is. */
    Transition relabel(RolloutState state, ReasonCode why, String detail, Instant now) {
        RolloutState next = new RolloutState(state.status(), state.stageIndex(), state.trafficWeight(),
                state.stageEnteredAt(), now, why.name(), state.run());
        return new Transition(next, List.of(PublishEvent.of(next, why, detail)), why);
    }
}
