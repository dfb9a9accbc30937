package dev.rollgate.lambda.runtime;

import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.workflow.NextStep;
import dev.rollgate.core.workflow.WorkflowStep;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.Map;

/**
 * SnapStart priming: before the snapshot is taken, load and initialise what every invocation uses (SDK clients,
 * their HTTP client, the input reader and step serialiser) so restored environments skip that work. No call goes
 * over the network and no credentials are resolved: a snapshot must not carry either.
 */
public final class SnapStartPriming implements Resource {
    /** CRaC keeps resources weakly: this strong reference keeps ours registered. */
    private static final SnapStartPriming INSTANCE = new SnapStartPriming();
    private static volatile boolean registered;

    private SnapStartPriming() {
    }

    /** Registers the priming hook once per execution environment; safe to call from every handler. */
    public static synchronized void register() {
        if (!registered) {
            Core.getGlobalContext().register(INSTANCE);
            registered = true;
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // The clients the handlers will use after restore: the shared components' own.
        LambdaComponents.shared().awsClients().ifPresent(SnapStartPriming::prime);
        StepJson.of(new WorkflowStep("r-prime", NextStep.OBSERVE, RolloutStatus.CANARY, 1, 10, 60, 0));
        Input.of(Map.of("rolloutId", "r-prime", "stageIndex", 1), "priming").requiredInt("stageIndex");
    }

    /** Builds every client; building makes no request. */
    static void prime(AwsClients clients) {
        clients.dynamo();
        clients.events();
        clients.sfn();
        clients.lambda();
        clients.codeDeploy();
        clients.ssm();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: credentials and connections are first resolved by the first real call.
    }
}
