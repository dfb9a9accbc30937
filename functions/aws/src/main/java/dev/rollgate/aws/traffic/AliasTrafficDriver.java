package dev.rollgate.aws.traffic;

import dev.rollgate.core.traffic.AliasPlan;
import dev.rollgate.core.traffic.AliasRouting;
import dev.rollgate.core.traffic.RefusalReason;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficDriver;
import dev.rollgate.core.traffic.TrafficDriverFailureException;
import dev.rollgate.core.traffic.TrafficTarget;
import dev.rollgate.core.traffic.TrafficWeights;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.util.Optional;

/**
 * The {@code alias} driver: sets the agent function alias's routing config to each stage weight with
 * UpdateAlias. Reads first and writes only when the routing differs, so a retried step makes no second
 * call; writes are conditional on the revision read, and a lost race is re-planned from a fresh read.
 */
public final class AliasTrafficDriver implements TrafficDriver {
    private static final int ATTEMPTS = 3;

    private final LambdaAlias alias;

    public AliasTrafficDriver(LambdaClient lambda) {
        this.alias = new LambdaAlias(lambda);
    }

    @Override
    public ShiftOutcome shift(TrafficTarget target, int stageIndex, int weight) {
        TrafficWeights.requirePercent(weight);
        return move(target, weight, false);
    }

    @Override
    public ShiftOutcome restoreBaseline(TrafficTarget target) {
        return move(target, 0, true);
    }

    @Override
    public ShiftOutcome promote(TrafficTarget target) {
        return move(target, 100, false);
    }

    @Override
    public int currentWeight(TrafficTarget target) {
        return alias.read(target).routing().map(r -> r.candidateWeight(target)).orElseThrow(
                () -> new TrafficDriverFailureException(LambdaAlias.where(target) + " routes to more than two versions"));
    }

    private ShiftOutcome move(TrafficTarget target, int weight, boolean restore) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            LambdaAlias.State state = alias.read(target);
            AliasPlan plan = plan(target, state.routing(), weight, restore);
            if (!(plan instanceof AliasPlan.Apply apply) || alias.write(target, apply.next(), state.revisionId())) {
                return plan.outcome();
            }
        }
        throw new TrafficDriverFailureException(LambdaAlias.where(target) + " kept changing during "
                + ATTEMPTS + " conditional updates");
    }

    /** A routing over more than two versions is someone else's; only a restore may overwrite it. */
    private static AliasPlan plan(TrafficTarget target, Optional<AliasRouting> current, int weight, boolean restore) {
        if (current.isEmpty()) {
            return restore ? new AliasPlan.Apply(AliasRouting.unweighted(target.baselineVersion()), 0)
                    : new AliasPlan.Refuse(new ShiftOutcome.Refused(RefusalReason.ALIAS_MOVED_ELSEWHERE,
                    LambdaAlias.where(target) + " routes to more than two versions"));
        }
        return restore ? AliasPlan.toBaseline(target, current.get()) : AliasPlan.toWeight(target, current.get(), weight);
    }
}
