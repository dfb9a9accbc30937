package dev.rollgate.core.workflow.bind;

import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.TrafficDriverKind;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.traffic.RefusalReason;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficDriver;
import dev.rollgate.core.workflow.TrafficControl;
import dev.rollgate.core.workflow.TrafficNotSettledException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The workflow's {@link TrafficControl} backed by the policy's {@link TrafficDriver}. */
public final class DriverTrafficControl implements TrafficControl {
    /**
     * Refusals that resolve without anyone acting: a concurrent attempt recording its deployment, CodeDeploy
     * finishing its canary interval. They are retried, not rolled back.
     */
    private static final Set<RefusalReason> SETTLES_BY_ITSELF = EnumSet.of(RefusalReason.CLAIM_WITHOUT_DEPLOYMENT,
            RefusalReason.AWAITING_CANARY_INTERVAL);
    private final Map<TrafficDriverKind, TrafficDriver> drivers;
    private final TrafficTargets targets;

    public DriverTrafficControl(Map<TrafficDriverKind, TrafficDriver> drivers, TrafficTargets targets) {
        this.drivers = Map.copyOf(drivers);
        this.targets = targets;
    }

    @Override
    public int shift(Rollout rollout, RolloutPolicy policy, int stageIndex, int weight) {
        TrafficDriver driver = driver(policy);
        // 100 % ends with an unweighted alias on the candidate, which only promote() does.
        ShiftOutcome outcome = weight == 100 ? driver.promote(targets.of(rollout, policy))
                : driver.shift(targets.of(rollout, policy), stageIndex, weight);
        return weightOf(rollout, outcome);
    }

    @Override
    public int restoreBaseline(Rollout rollout, RolloutPolicy policy) {
        return weightOf(rollout, driver(policy).restoreBaseline(targets.of(rollout, policy)));
    }

    private TrafficDriver driver(RolloutPolicy policy) {
        TrafficDriver driver = drivers.get(policy.driver());
        if (driver == null) {
            throw new IllegalStateException("no traffic driver configured for " + policy.driver().wireName());
        }
        return driver;
    }

    private static int weightOf(Rollout rollout, ShiftOutcome outcome) {
        if (outcome instanceof ShiftOutcome.Refused refused && SETTLES_BY_ITSELF.contains(refused.reason())) {
            throw new TrafficNotSettledException(rollout.id(), refused.reason().code() + ": " + refused.message());
        }
        if (outcome instanceof ShiftOutcome.Refused refused) {
            throw new TrafficRefusedException(rollout.id(), refused.reason() + ": " + refused.message());
        }
        return outcome instanceof ShiftOutcome.Shifted s ? s.weight() : ((ShiftOutcome.Unchanged) outcome).weight();
    }
}
