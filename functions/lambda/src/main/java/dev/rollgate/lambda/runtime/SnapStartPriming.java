package dev.rollgate.lambda.runtime;

import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.workflow.NextStep;
import dev.rollgate.core.workflow.WorkflowStep;
import dev.rollgate.core.judge.StageEvaluator;
import dev.rollgate.core.metrics.WindowParser;
import dev.rollgate.core.workflow.bind.JudgeStageAssessor;
import dev.rollgate.core.workflow.bind.ParserWindowDecoder;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * SnapStart priming: before the snapshot is taken, load, initialise and exercise what the first invocation would
 * otherwise pay for (SDK clients and their request path, Jackson, the policy parser, the judge) so restored
 * environments skip that work. No call goes over the network and no real credentials are resolved: a snapshot
 * must carry neither (the throw-away priming clients use dummy credentials and a canned HTTP client).
 */
public final class SnapStartPriming implements Resource {
    /** CRaC keeps resources weakly: this strong reference keeps ours registered. */
    private static final SnapStartPriming INSTANCE = new SnapStartPriming();
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
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
        try {
            primeNow();
        } catch (RuntimeException e) {
            // Priming only saves time after restore; a failure must not stop the version from being published.
            LOG.warn("SnapStart priming incomplete: {}", e.toString());
        }
    }

    /**
     * Everything {@link #beforeCheckpoint} does: builds the deployed SDK clients (no request), sends the handlers'
     * SDK operations through a canned offline HTTP client, parses a policy, decodes and judges synthetic windows
     * (as JSON and as stored DynamoDB items), serialises a metrics record without emitting it, and touches the
     * input reader and step serialiser. Public for the cold-start benchmark, which measures the
     * first invocation after it (infra/bench-coldstart.sh).
     */
    public static void primeNow() {
        LambdaComponents.shared().awsClients().ifPresent(SnapStartPriming::prime);
        RequestPriming.sdkOperations();
        RequestPriming.judgeAndWindows(new ParserWindowDecoder(new WindowParser()),
                new JudgeStageAssessor(new StageEvaluator()));
        RequestPriming.metricsRecord();
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
