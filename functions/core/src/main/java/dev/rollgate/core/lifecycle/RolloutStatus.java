package dev.rollgate.core.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/** Where a rollout is in its life. The last four are terminal: nothing moves a rollout out of them. */
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
