package dev.rollgate.load;

import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.statemachine.local.ScenarioTraffic.Behaviour;

import java.util.List;

/**
 * The mix of the rollout load run: what each simulated candidate does, what the load driver answers when the
 * rollout asks for approval, and the outcome the workflow must reach. The behaviours are the sandbox's scenarios.
 */
enum LoadScenario {
    HEALTHY(Behaviour.of(Scenario.HEALTHY), Approval.APPROVE, RolloutStatus.PROMOTED, 100,
            List.of("PREFLIGHT_PASSED", "VERDICT_PROMOTE", "BAKE_FINISHED")),
    ERROR_SPIKE(Behaviour.from(Scenario.ERROR_RATE_DOUBLED, 1), Approval.APPROVE, RolloutStatus.ROLLED_BACK, 0,
            List.of("TRIGGER_ERROR_RATE", "ROLLBACK_COMPLETED")),
    LATENCY(Behaviour.from(Scenario.LATENCY_PLUS_50, 1), Approval.APPROVE, RolloutStatus.ROLLED_BACK, 0,
            List.of("ROLLBACK_COMPLETED")),
    DENY_DRIFT(Behaviour.from(Scenario.DENY_DRIFT, 1), Approval.APPROVE, RolloutStatus.ROLLED_BACK, 0,
            List.of("TRIGGER_POLICY_DENY", "ROLLBACK_COMPLETED")),
    OVERLOAD(new Behaviour(Scenario.HEALTHY, 2, false, true), Approval.APPROVE, RolloutStatus.ROLLED_BACK, 0,
            List.of("TRIGGER_OVERLOAD_SUSTAINED", "ROLLBACK_COMPLETED")),
    LOW_TRAFFIC(Behaviour.of(Scenario.LOW_TRAFFIC), Approval.APPROVE, RolloutStatus.PROMOTED, 100,
            List.of("APPROVED", "BAKE_FINISHED")),
    MARGINAL_APPROVED(Behaviour.from(Scenario.MARGINAL, 1), Approval.APPROVE, RolloutStatus.PROMOTED, 100,
            List.of("APPROVED", "BAKE_FINISHED")),
    MARGINAL_REJECTED(Behaviour.from(Scenario.MARGINAL, 1), Approval.REJECT, RolloutStatus.ROLLED_BACK, 0,
            List.of("APPROVAL_REJECTED", "ROLLBACK_COMPLETED")),
    MARGINAL_TIMED_OUT(Behaviour.from(Scenario.MARGINAL, 1), Approval.IGNORE, RolloutStatus.ROLLED_BACK, 0,
            List.of("APPROVAL_TIMED_OUT", "ROLLBACK_COMPLETED"));

    /**
     * The marginal candidate (p90 +7 %, p99 +15 %) is a judgement call by construction: with the traffic's noise the
     * judge may score it PASS, and then no approval is asked and the rollout is promoted. Its expected outcome
     * therefore follows what the judge decided; the run reports how often that happened.
     */
    boolean judgementCall() {
        return name().startsWith("MARGINAL_");
    }

    /** The outcome when the judge passed a judgement-call candidate without asking for approval. */
    static final List<String> PASSED_WITHOUT_APPROVAL = List.of("VERDICT_PROMOTE", "BAKE_FINISHED");

    /** What the driver does with an approval request of this rollout. */
    enum Approval { APPROVE, REJECT, IGNORE }

    private final Behaviour behaviour;
    private final Approval approval;
    private final RolloutStatus expectedStatus;
    private final int expectedWeight;
    private final List<String> expectedReasonPrefixes;

    LoadScenario(Behaviour behaviour, Approval approval, RolloutStatus expectedStatus, int expectedWeight,
                 List<String> expectedReasonPrefixes) {
        this.behaviour = behaviour;
        this.approval = approval;
        this.expectedStatus = expectedStatus;
        this.expectedWeight = expectedWeight;
        this.expectedReasonPrefixes = expectedReasonPrefixes;
    }

    Behaviour behaviour() {
        return behaviour;
    }

    Approval approval() {
        return approval;
    }

    RolloutStatus expectedStatus() {
        return expectedStatus;
    }

    /** The candidate's share of the alias once the rollout is over: 100 after promotion, 0 after any rollback. */
    int expectedWeight() {
        return expectedWeight;
    }

    /** Reason codes that must appear in the history, in this order (each a prefix, e.g. {@code TRIGGER_}). */
    List<String> expectedReasonPrefixes() {
        return expectedReasonPrefixes;
    }
}
