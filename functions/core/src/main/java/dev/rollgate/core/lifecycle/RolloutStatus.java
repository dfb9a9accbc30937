package dev.rollgate.core.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a rollout is in its life. The last four are terminal: nothing the running system reports moves a rollout
 * out of them; only an operator's rerun from a named stage reopens a ROLLED_BACK or FAILED one (see
 * {@link RolloutLifecycle}).
 */
public enum RolloutStatus {
    PENDING,
    SHADOW,
    CANARY,
    HOLD,
    PROMOTING,
    BAKING,
    PROMOTED,
    ROLLING_BACK,
    ROLLED_BACK,
    ABORTED,
    FAILED;

    private static final Set<RolloutStatus> TERMINAL = EnumSet.of(PROMOTED, ROLLED_BACK, ABORTED, FAILED);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }
}
