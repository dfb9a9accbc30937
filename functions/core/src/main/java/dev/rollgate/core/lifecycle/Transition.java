package dev.rollgate.core.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one lifecycle step: the new state, the work it asks for, and why.
 *
 * <p>A no-op (an observation that does not apply, or applies but changes nothing yet) returns the input state
 * itself and no commands, so a caller can persist only when {@code state} differs from what it passed in.
 *
 * @param state    the rollout's new state
 * @param commands what the workflow must do, in order
 * @param reason   why this transition happened (or did not)
 */
public record Transition(RolloutState state, List<Command> commands, ReasonCode reason) {
    public Transition {
        Objects.requireNonNull(state, "state");
        commands = List.copyOf(commands);
        Objects.requireNonNull(reason, "reason");
    }

    static Transition noOp(RolloutState unchanged, ReasonCode reason) {
        return new Transition(unchanged, List.of(), reason);
    }

    /** The first command of the given type, if this transition asks for one. */
    public <C extends Command> Optional<C> command(Class<C> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
