package dev.rollgate.core.traffic;

/**
 * The one decision every alias-moving driver makes (the Lambda adapter and the local stand-in alike): given
 * the alias's current routing, change it, leave it, or refuse. Keeping it here keeps them in agreement.
 */
public sealed interface AliasPlan {

    record Apply(AliasRouting next, int weight) implements AliasPlan {
    }

    record Keep(int weight) implements AliasPlan {
    }

    record Refuse(ShiftOutcome.Refused refusal) implements AliasPlan {
    }

    /**
     * Moving to a stage weight refuses when someone else moved the alias to a third version, since shifting
     * would overwrite their release.
     */
    static AliasPlan toWeight(TrafficTarget target, AliasRouting current, int weight) {
        AliasRouting next = AliasRouting.forCandidateWeight(target, weight);
        if (current.equals(next)) {
            return new Keep(weight);
        }
        if (!current.staysWithin(target)) {
            return new Refuse(new ShiftOutcome.Refused(RefusalReason.ALIAS_MOVED_ELSEWHERE, "alias "
                    + target.aliasName() + " of " + target.functionName() + " routes to " + current.describe()
                    + ", which is neither baseline " + target.baselineVersion() + " nor candidate "
                    + target.candidateVersion()));
        }
        return new Apply(next, weight);
    }

    /** Restoring the baseline never refuses: the rollback path must always end on the baseline. */
    static AliasPlan toBaseline(TrafficTarget target, AliasRouting current) {
        AliasRouting next = AliasRouting.unweighted(target.baselineVersion());
        return current.equals(next) ? new Keep(0) : new Apply(next, 0);
    }

    /** Turns a plan into the outcome once an {@link Apply} has been carried out. */
    default ShiftOutcome outcome() {
        if (this instanceof Apply apply) {
            return new ShiftOutcome.Shifted(apply.weight());
        }
        if (this instanceof Keep keep) {
            return new ShiftOutcome.Unchanged(keep.weight());
        }
        return ((Refuse) this).refusal();
    }
}
