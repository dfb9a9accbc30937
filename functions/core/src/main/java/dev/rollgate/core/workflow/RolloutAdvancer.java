package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.Command;
import dev.rollgate.core.lifecycle.Observation;
import dev.rollgate.core.lifecycle.RolloutLifecycle;
import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.Transition;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutChange;
import dev.rollgate.core.state.Rollouts;
import dev.rollgate.core.state.UpdateOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies a handler's observations to a stored rollout through the lifecycle and writes the new state together
 * with its history events in one conditional write. A stale write is retried from a fresh read, so concurrent
 * handlers (an operator's abort during an evaluation, say) never lose an update; lifecycle events are published
 * only after the write that caused them succeeded.
 */
public final class RolloutAdvancer {
    public static final String TRANSITION_EVENT = "TRANSITION";
    private static final int MAX_ATTEMPTS = 6;

    private final Rollouts rollouts;
    private final LifecycleEvents events;
    private final PolicyCache policies;
    private final StepPlanner planner;

    public RolloutAdvancer(Rollouts rollouts, LifecycleEvents events, PolicyCache policies, StepPlanner planner) {
        this.rollouts = rollouts;
        this.events = events;
        this.policies = policies;
        this.planner = planner;
    }

    public LoadedRollout load(String rolloutId) {
        Rollout rollout = rollouts.get(rolloutId).orElseThrow(() -> new RolloutNotFoundException(rolloutId));
        RolloutPolicy policy = policies.policyOf(rollout);
        return new LoadedRollout(rollout, policy, new RolloutLifecycle(policy));
    }

    /** The step that follows the rollout's stored state, without changing anything. */
    public WorkflowStep currentStep(LoadedRollout loaded, Instant now) {
        return planner.plan(loaded.rollout().id(), loaded.rollout().state(), loaded.policy(), now);
    }

    /**
     * Reads the rollout, asks {@code input} what happened (it may be called again after a stale write, with the
     * fresher rollout), applies it and stores the result.
     */
    public Advanced advance(String rolloutId, Function<LoadedRollout, StepInput> input, String actor, Instant now) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            LoadedRollout loaded = load(rolloutId);
            StepInput step = input.apply(loaded);
            List<Transition> transitions = new ArrayList<>();
            RolloutState state = loaded.rollout().state();
            List<HistoryEntry> history = new ArrayList<>(step.events());
            for (Observation observation : step.observations()) {
                Transition t = loaded.lifecycle().next(state, observation, now);
                transitions.add(t);
                if (!t.state().equals(state)) {
                    history.add(transitionEvent(loaded, state, t, actor, now));
                }
                state = t.state();
            }
            boolean changed = !state.equals(loaded.rollout().state()) || step.score().isPresent()
                    || !history.isEmpty();
            if (!changed) {
                return new Advanced(loaded.rollout(), transitions, planner.plan(rolloutId, state, loaded.policy(), now));
            }
            UpdateOutcome outcome = rollouts.update(new RolloutChange(rolloutId, loaded.rollout().version(), state,
                    step.score(), now, limit(history)));
            if (outcome instanceof UpdateOutcome.Updated updated) {
                publish(updated.rollout(), transitions, now);
                return new Advanced(updated.rollout(), transitions,
                        planner.plan(rolloutId, state, loaded.policy(), now));
            }
            if (outcome instanceof UpdateOutcome.NotFound) {
                throw new RolloutNotFoundException(rolloutId);
            }
        }
        throw new ContentionException(rolloutId, MAX_ATTEMPTS);
    }

    /** Starts a rollout that was just stored PENDING: records the lifecycle's start transition. */
    public Advanced start(String rolloutId, Instant now) {
        return advance(rolloutId, loaded -> StepInput.nothing(), "system:workflow", now);
    }

    private void publish(Rollout rollout, List<Transition> transitions, Instant now) {
        for (Transition t : transitions) {
            t.command(Command.PublishEvent.class).ifPresent(e -> events.publish(rollout, e, now));
        }
    }

    private static List<HistoryEntry> limit(List<HistoryEntry> history) {
        // A handler applies at most a few observations; keep the newest events if a caller ever sends more.
        return history.size() <= RolloutChange.MAX_EVENTS ? history
                : history.subList(history.size() - RolloutChange.MAX_EVENTS, history.size());
    }

    private static HistoryEntry transitionEvent(LoadedRollout loaded, RolloutState from, Transition t, String actor,
                                                Instant now) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("from", from.status().name());
        detail.put("to", t.state().status().name());
        detail.put("stage", loaded.policy().stage(t.state().stageIndex()).name());
        detail.put("stageIndex", Integer.toString(t.state().stageIndex()));
        detail.put("weight", Integer.toString(t.state().trafficWeight()));
        t.command(Command.PublishEvent.class).map(Command.PublishEvent::detail).filter(d -> !d.isBlank())
                .ifPresent(d -> detail.put("detail", d));
        t.command(Command.RequestApproval.class).ifPresent(r -> detail.put("approvalReason", r.reason().name()));
        Optional.of(t.commands()).filter(c -> !c.isEmpty())
                .ifPresent(c -> detail.put("commands", c.stream().map(x -> x.getClass().getSimpleName())
                        .reduce((a, b) -> a + "," + b).orElse("")));
        return new HistoryEntry(now, TRANSITION_EVENT, actor, t.reason().name(), detail);
    }
}
