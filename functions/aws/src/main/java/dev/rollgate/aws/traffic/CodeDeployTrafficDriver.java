package dev.rollgate.aws.traffic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollgate.core.traffic.AliasRouting;
import dev.rollgate.core.traffic.CodeDeployCanary;
import dev.rollgate.core.traffic.DeploymentClaim;
import dev.rollgate.core.traffic.DeploymentGuard;
import dev.rollgate.core.traffic.RefusalReason;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficDriver;
import dev.rollgate.core.traffic.TrafficDriverFailureException;
import dev.rollgate.core.traffic.TrafficTarget;
import dev.rollgate.core.traffic.TrafficWeights;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackEvent;
import software.amazon.awssdk.services.codedeploy.model.CodeDeployException;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoutingType;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code codedeploy} driver: one CodeDeploy deployment per run of a rollout (an operator's rerun is a new
 * run) with a custom TimeBasedCanary config. CodeDeploy moves the alias: the canary percentage once
 * BeforeAllowTraffic succeeds, then 100 % by itself after the interval. So this driver only starts the deployment (guarded, since CreateDeployment has
 * no idempotency token), stops it with rollback, and reads the alias.
 * <p>For CodeDeploy a {@link ShiftOutcome.Shifted} weight is the level the started deployment moves to;
 * {@link #currentWeight} reads what the alias carries now.
 */
public final class CodeDeployTrafficDriver implements TrafficDriver {
    private static final Set<DeploymentStatus> ACTIVE = Set.of(DeploymentStatus.CREATED, DeploymentStatus.QUEUED,
            DeploymentStatus.IN_PROGRESS, DeploymentStatus.BAKING, DeploymentStatus.READY);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CodeDeployClient codeDeploy;
    private final LambdaAlias alias;
    private final DeploymentGuard guard;

    public CodeDeployTrafficDriver(CodeDeployClient codeDeploy, LambdaClient lambda, DeploymentGuard guard) {
        this.codeDeploy = Objects.requireNonNull(codeDeploy, "codeDeploy");
        this.alias = new LambdaAlias(lambda);
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public ShiftOutcome shift(TrafficTarget target, int stageIndex, int weight) {
        CodeDeployCanary canary = target.requireCodeDeploy();
        TrafficWeights.requirePercent(weight);
        if (weight == 100) {
            return promote(target);
        }
        if (weight == 0) {
            return currentWeight(target) == 0 ? new ShiftOutcome.Unchanged(0) : new ShiftOutcome.Refused(
                    RefusalReason.WEIGHT_NOT_SUPPORTED, "CodeDeploy takes traffic back only by stopping the "
                    + "deployment with rollback: use restoreBaseline");
        }
        if (weight != canary.canaryPercentage()) {
            return new ShiftOutcome.Refused(RefusalReason.WEIGHT_NOT_SUPPORTED, "TimeBasedCanary knows only 0, "
                    + canary.canaryPercentage() + " and 100 percent, not " + weight);
        }
        if (stageIndex != canary.canaryStageIndex()) {
            throw new IllegalArgumentException("rollout " + target.rolloutId() + ": the canary stage is "
                    + canary.canaryStageIndex() + ", not " + stageIndex);
        }
        // Keyed by the rollout's run: a retry within the run finds its deployment, a rerun starts its own.
        Optional<String> recorded = guard.deploymentOf(target.rolloutId(), target.run(), stageIndex);
        if (recorded.isPresent()) {
            return outcomeOfExisting(recorded.get(), canary);
        }
        return claimAndStart(target, canary, stageIndex);
    }

    @Override
    public ShiftOutcome restoreBaseline(TrafficTarget target) {
        CodeDeployCanary canary = target.requireCodeDeploy();
        // Only the current run's deployment can be active: an earlier run ended after its own rollback stopped
        // its deployment (ROLLED_BACK) or before it moved traffic (FAILED preflight).
        Optional<String> ours = guard.deploymentOf(target.rolloutId(), target.run(), canary.canaryStageIndex());
        boolean stopped = false;
        if (ours.isPresent() && ACTIVE.contains(statusOf(ours.get()))) {
            stopWithRollback(ours.get());
            stopped = true;
        }
        // The rollback redeploy runs asynchronously; the contract is an unweighted baseline on return, so
        // set it directly as well (both converge on the same routing).
        AliasRouting baseline = AliasRouting.unweighted(target.baselineVersion());
        for (int attempt = 0; attempt < 3; attempt++) {
            LambdaAlias.State state = alias.read(target);
            if (state.routing().filter(baseline::equals).isPresent()) {
                return stopped ? new ShiftOutcome.Shifted(0) : new ShiftOutcome.Unchanged(0);
            }
            if (alias.write(target, baseline, state.revisionId())) {
                return new ShiftOutcome.Shifted(0);
            }
        }
        throw new TrafficDriverFailureException(LambdaAlias.where(target) + " kept changing while restoring the baseline");
    }

    @Override
    public ShiftOutcome promote(TrafficTarget target) {
        CodeDeployCanary canary = target.requireCodeDeploy();
        Optional<String> ours = guard.deploymentOf(target.rolloutId(), target.run(), canary.canaryStageIndex());
        if (ours.isEmpty()) {
            return new ShiftOutcome.Refused(RefusalReason.NO_DEPLOYMENT, "rollout " + target.rolloutId()
                    + " has no deployment to promote in run " + target.run());
        }
        DeploymentStatus status = statusOf(ours.get());
        if (status == DeploymentStatus.SUCCEEDED) {
            return new ShiftOutcome.Unchanged(100);
        }
        if (!ACTIVE.contains(status)) {
            return new ShiftOutcome.Refused(RefusalReason.DEPLOYMENT_NOT_SUCCEEDED, "deployment " + ours.get()
                    + " ended " + status);
        }
        if (currentWeight(target) == 100) {
            return new ShiftOutcome.Unchanged(100);
        }
        return new ShiftOutcome.Refused(RefusalReason.AWAITING_CANARY_INTERVAL, "deployment " + ours.get()
                + " shifts to 100 % by itself " + canary.intervalMinutes() + " minutes after its canary started");
    }

    @Override
    public int currentWeight(TrafficTarget target) {
        return alias.read(target).routing().map(r -> r.candidateWeight(target)).orElseThrow(
                () -> new TrafficDriverFailureException(LambdaAlias.where(target) + " routes to more than two versions"));
    }

    private ShiftOutcome claimAndStart(TrafficTarget target, CodeDeployCanary canary, int stageIndex) {
        DeploymentClaim claim = guard.claim(target.rolloutId(), target.run(), stageIndex);
        if (claim instanceof DeploymentClaim.AlreadyClaimed earlier) {
            return earlier.deploymentId().map(id -> outcomeOfExisting(id, canary)).orElseGet(() ->
                    new ShiftOutcome.Refused(RefusalReason.CLAIM_WITHOUT_DEPLOYMENT, "stage " + stageIndex
                            + " of rollout " + target.rolloutId() + " is claimed by another attempt that has not "
                            + "recorded a deployment (still starting it, or it failed); check group " + canary.deploymentGroup() + " for a deployment described '"
                            + description(target, stageIndex) + "'"));
        }
        // Checked after winning the claim, so a racing retry of this rollout never mistakes our own new
        // deployment for someone else's; a refusal gives the claim back.
        Optional<ShiftOutcome> refusal = refusalToStart(target, canary);
        if (refusal.isPresent()) {
            guard.release(target.rolloutId(), target.run(), stageIndex);
            return refusal.get();
        }
        String deploymentId;
        try {
            ensureDeploymentConfig(canary);
            deploymentId = createDeployment(target, canary, stageIndex);
        } catch (DeploymentLimitExceededException e) {
            guard.release(target.rolloutId(), target.run(), stageIndex);
            return new ShiftOutcome.Refused(RefusalReason.DEPLOYMENT_IN_PROGRESS, "CodeDeploy refused a second "
                    + "deployment in group " + canary.deploymentGroup());
        } catch (CodeDeployException e) {
            // CodeDeploy answered with an error, so no deployment was created: a retry may claim again.
            guard.release(target.rolloutId(), target.run(), stageIndex);
            throw new TrafficDriverFailureException("starting the deployment of rollout " + target.rolloutId()
                    + " failed", e);
        } catch (SdkException e) {
            // No answer: the deployment may exist, so the claim stays and an operator resolves it.
            throw new TrafficDriverFailureException("starting the deployment of rollout " + target.rolloutId()
                    + " got no answer", e);
        }
        guard.recordDeployment(target.rolloutId(), target.run(), stageIndex, deploymentId);
        return new ShiftOutcome.Shifted(canary.canaryPercentage());
    }

    private Optional<ShiftOutcome> refusalToStart(TrafficTarget target, CodeDeployCanary canary) {
        Optional<String> running = activeDeployments(canary).stream().findFirst();
        if (running.isPresent()) {
            return Optional.of(new ShiftOutcome.Refused(RefusalReason.DEPLOYMENT_IN_PROGRESS, "deployment "
                    + running.get() + " is still running in group " + canary.deploymentGroup()));
        }
        LambdaAlias.State state = alias.read(target);
        if (state.routing().map(AliasRouting::isWeighted).orElse(true)) {
            return Optional.of(new ShiftOutcome.Refused(RefusalReason.ALIAS_WEIGHTED, LambdaAlias.where(target)
                    + " is weighted; CodeDeploy cannot start a deployment on a weighted alias"));
        }
        return Optional.empty();
    }

    /** Equal canary settings share one custom config, named after them. */
    private void ensureDeploymentConfig(CodeDeployCanary canary) {
        try {
            codeDeploy.getDeploymentConfig(r -> r.deploymentConfigName(canary.deploymentConfigName()));
            return;
        } catch (DeploymentConfigDoesNotExistException absent) {
            // create it below
        }
        try {
            codeDeploy.createDeploymentConfig(r -> r.deploymentConfigName(canary.deploymentConfigName())
                    .computePlatform(ComputePlatform.LAMBDA)
                    .trafficRoutingConfig(t -> t.type(TrafficRoutingType.TIME_BASED_CANARY)
                            .timeBasedCanary(c -> c.canaryPercentage(canary.canaryPercentage())
                                    .canaryInterval(canary.intervalMinutes()))));
        } catch (DeploymentConfigAlreadyExistsException createdMeanwhile) {
            // another rollout created the same config first
        }
    }

    private String createDeployment(TrafficTarget target, CodeDeployCanary canary, int stageIndex) {
        String appSpec = appSpec(target, canary);
        return codeDeploy.createDeployment(r -> r.applicationName(canary.applicationName())
                .deploymentGroupName(canary.deploymentGroup())
                .deploymentConfigName(canary.deploymentConfigName())
                .description(description(target, stageIndex))
                .revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
                        .appSpecContent(c -> c.content(appSpec)))
                .autoRollbackConfiguration(a -> a.enabled(true).events(AutoRollbackEvent.DEPLOYMENT_FAILURE,
                        AutoRollbackEvent.DEPLOYMENT_STOP_ON_REQUEST))).deploymentId();
    }

    private void stopWithRollback(String deploymentId) {
        try {
            codeDeploy.stopDeployment(r -> r.deploymentId(deploymentId).autoRollbackEnabled(true));
        } catch (DeploymentAlreadyCompletedException finishedMeanwhile) {
            // nothing left to stop; the alias is set below
        } catch (SdkException e) {
            throw new TrafficDriverFailureException("stopping deployment " + deploymentId + " failed", e);
        }
    }

    private ShiftOutcome outcomeOfExisting(String deploymentId, CodeDeployCanary canary) {
        DeploymentStatus status = statusOf(deploymentId);
        if (ACTIVE.contains(status) || status == DeploymentStatus.SUCCEEDED) {
            return new ShiftOutcome.Unchanged(canary.canaryPercentage());
        }
        return new ShiftOutcome.Refused(RefusalReason.DEPLOYMENT_NOT_SUCCEEDED, "deployment " + deploymentId
                + " of this stage ended " + status + " in this run; an operator's rerun starts a new one");
    }

    private DeploymentStatus statusOf(String deploymentId) {
        try {
            return codeDeploy.getDeployment(r -> r.deploymentId(deploymentId)).deploymentInfo().status();
        } catch (SdkException e) {
            throw new TrafficDriverFailureException("reading deployment " + deploymentId + " failed", e);
        }
    }

    private List<String> activeDeployments(CodeDeployCanary canary) {
        try {
            return codeDeploy.listDeployments(r -> r.applicationName(canary.applicationName())
                    .deploymentGroupName(canary.deploymentGroup()).includeOnlyStatuses(ACTIVE)).deployments();
        } catch (SdkException e) {
            throw new TrafficDriverFailureException("listing deployments of group " + canary.deploymentGroup()
                    + " failed", e);
        }
    }

    /** Names the rollout stage and, from the first rerun on, the run, so an operator can find the deployment. */
    static String description(TrafficTarget target, int stageIndex) {
        String first = "rollgate rollout " + target.rolloutId() + " stage " + stageIndex;
        return target.run() == 1 ? first : first + " run " + target.run();
    }

    /** The AppSpec of a Lambda deployment: move the alias from baseline to candidate, with rollgate's hooks. */
    static String appSpec(TrafficTarget target, CodeDeployCanary canary) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 0.0);
        ObjectNode properties = root.putArray("Resources").addObject().putObject("agent")
                .put("Type", "AWS::Lambda::Function").putObject("Properties");
        properties.put("Name", target.functionName()).put("Alias", target.aliasName())
                .put("CurrentVersion", target.baselineVersion()).put("TargetVersion", target.candidateVersion());
        var hooks = root.putArray("Hooks");
        hooks.addObject().put("BeforeAllowTraffic", canary.beforeAllowTrafficHook());
        hooks.addObject().put("AfterAllowTraffic", canary.afterAllowTrafficHook());
        return root.toString();
    }
}
