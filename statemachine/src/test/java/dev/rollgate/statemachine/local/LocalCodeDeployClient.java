package dev.rollgate.statemachine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.core.traffic.CodeDeployCanary;
import dev.rollgate.core.traffic.HookReportOutcome;
import dev.rollgate.core.traffic.HookStatus;
import dev.rollgate.core.traffic.RefusalReason;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficTarget;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.CodeDeployException;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentConfigRequest;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentConfigResponse;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentResponse;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentConfigRequest;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentConfigResponse;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentResponse;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentsRequest;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentsResponse;
import software.amazon.awssdk.services.codedeploy.model.PutLifecycleEventHookExecutionStatusRequest;
import software.amazon.awssdk.services.codedeploy.model.PutLifecycleEventHookExecutionStatusResponse;
import software.amazon.awssdk.services.codedeploy.model.StopDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.StopDeploymentResponse;
import software.amazon.awssdk.services.codedeploy.model.StopStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CodeDeploy SDK client rollgate's adapters call, answered by the local stand-ins: CreateDeployment reads the
 * AppSpec, config and description the driver sends and starts a {@link LocalCodeDeploy} deployment; the other
 * calls read, stop and report on it with CodeDeploy's status names and errors. Counts CreateDeployment calls, so a
 * test can tell a second deployment from a deduplicated one.
 */
public final class LocalCodeDeployClient implements CodeDeployClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DESCRIPTION = Pattern.compile("rollgate rollout (\\S+) stage (\\d+)(?: run (\\d+))?");

    private record Config(int percentage, int intervalMinutes) {
    }

    private final LocalCodeDeploys codeDeploys;
    private final Map<String, Config> configs = new ConcurrentHashMap<>();
    private final Map<String, TrafficTarget> targets = new ConcurrentHashMap<>();
    private final AtomicInteger createDeploymentCalls = new AtomicInteger();

    public LocalCodeDeployClient(LocalCodeDeploys codeDeploys) {
        this.codeDeploys = codeDeploys;
    }

    public int createDeploymentCalls() {
        return createDeploymentCalls.get();
    }

    @Override
    public GetDeploymentConfigResponse getDeploymentConfig(GetDeploymentConfigRequest request) {
        if (!configs.containsKey(request.deploymentConfigName())) {
            throw DeploymentConfigDoesNotExistException.builder().message("no config "
                    + request.deploymentConfigName()).build();
        }
        return GetDeploymentConfigResponse.builder().deploymentConfigInfo(DeploymentConfigInfo.builder()
                .deploymentConfigName(request.deploymentConfigName()).build()).build();
    }

    @Override
    public CreateDeploymentConfigResponse createDeploymentConfig(CreateDeploymentConfigRequest request) {
        var canary = request.trafficRoutingConfig().timeBasedCanary();
        Config config = new Config(canary.canaryPercentage(), canary.canaryInterval());
        if (configs.putIfAbsent(request.deploymentConfigName(), config) != null) {
            throw DeploymentConfigAlreadyExistsException.builder().message("exists").build();
        }
        return CreateDeploymentConfigResponse.builder().deploymentConfigId("cfg-" + configs.size()).build();
    }

    @Override
    public CreateDeploymentResponse createDeployment(CreateDeploymentRequest request) {
        createDeploymentCalls.incrementAndGet();
        Config config = configs.get(request.deploymentConfigName());
        if (config == null) {
            throw DeploymentConfigDoesNotExistException.builder().message("no config").build();
        }
        Matcher described = DESCRIPTION.matcher(request.description());
        if (!described.matches()) {
            throw new IllegalArgumentException("the local stand-in needs rollgate's description, got "
                    + request.description());
        }
        JsonNode appSpec = read(request.revision().appSpecContent().content());
        JsonNode properties = appSpec.path("Resources").path(0).path("agent").path("Properties");
        int stage = Integer.parseInt(described.group(2));
        CodeDeployCanary canary = new CodeDeployCanary(request.applicationName(), request.deploymentGroupName(), stage,
                config.percentage(), config.intervalMinutes(), appSpec.path("Hooks").path(0).path("BeforeAllowTraffic")
                .asText(), appSpec.path("Hooks").path(1).path("AfterAllowTraffic").asText());
        TrafficTarget target = TrafficTarget.codeDeploy(described.group(1), properties.path("Name").asText(),
                properties.path("Alias").asText(), properties.path("CurrentVersion").asText(),
                properties.path("TargetVersion").asText(), canary)
                .inRun(described.group(3) == null ? 1 : Integer.parseInt(described.group(3)));
        LocalCodeDeploy codeDeploy = codeDeploys.of(target);
        ShiftOutcome outcome = codeDeploy.shift(target, stage, config.percentage());
        if (outcome instanceof ShiftOutcome.Refused refused) {
            if (refused.reason() == RefusalReason.DEPLOYMENT_IN_PROGRESS) {
                throw DeploymentLimitExceededException.builder().message(refused.message()).build();
            }
            throw CodeDeployException.builder().message(refused.message()).statusCode(400).build();
        }
        String id = codeDeploy.deploymentOf(target.rolloutId(), target.run(), stage).orElseThrow().deploymentId();
        targets.put(id, target);
        return CreateDeploymentResponse.builder().deploymentId(id).build();
    }

    @Override
    public GetDeploymentResponse getDeployment(GetDeploymentRequest request) {
        DeploymentView view = view(request.deploymentId());
        return GetDeploymentResponse.builder().deploymentInfo(DeploymentInfo.builder().deploymentId(view.deploymentId())
                .status(wireStatus(view.status())).applicationName(view.applicationName())
                .deploymentGroupName(view.deploymentGroup()).build()).build();
    }

    @Override
    public ListDeploymentsResponse listDeployments(ListDeploymentsRequest request) {
        List<String> ids = codeDeploys.deployments().stream()
                .filter(d -> d.applicationName().equals(request.applicationName())
                        && d.deploymentGroup().equals(request.deploymentGroupName())
                        && (!request.hasIncludeOnlyStatuses()
                        || request.includeOnlyStatuses().contains(wireStatus(d.status()))))
                .map(DeploymentView::deploymentId).toList();
        return ListDeploymentsResponse.builder().deployments(ids).build();
    }

    @Override
    public StopDeploymentResponse stopDeployment(StopDeploymentRequest request) {
        DeploymentView view = view(request.deploymentId());
        if (!view.status().active()) {
            throw DeploymentAlreadyCompletedException.builder().message("already " + view.status()).build();
        }
        if (!Boolean.TRUE.equals(request.autoRollbackEnabled())) {
            throw new IllegalArgumentException("rollgate stops deployments with rollback only");
        }
        // StopDeployment with autoRollbackEnabled: the stand-in stops and redeploys the baseline.
        TrafficTarget target = targets.get(request.deploymentId());
        codeDeploys.of(target).restoreBaseline(target);
        return StopDeploymentResponse.builder().status(StopStatus.SUCCEEDED).statusMessage("stopped").build();
    }

    @Override
    public PutLifecycleEventHookExecutionStatusResponse putLifecycleEventHookExecutionStatus(
            PutLifecycleEventHookExecutionStatusRequest request) {
        HookStatus status = request.status() == LifecycleEventStatus.SUCCEEDED ? HookStatus.SUCCEEDED : HookStatus.FAILED;
        HookReportOutcome outcome = codeDeploys.report(request.deploymentId(), request.lifecycleEventHookExecutionId(),
                status);
        if (outcome == HookReportOutcome.ALREADY_COMPLETED) {
            throw LifecycleEventAlreadyCompletedException.builder().message("completed").build();
        }
        return PutLifecycleEventHookExecutionStatusResponse.builder()
                .lifecycleEventHookExecutionId(request.lifecycleEventHookExecutionId()).build();
    }

    @Override
    public String serviceName() {
        return "codedeploy";
    }

    @Override
    public void close() {
    }

    private DeploymentView view(String deploymentId) {
        return codeDeploys.holding(deploymentId).flatMap(cd -> cd.deployment(deploymentId)).orElseThrow(
                () -> DeploymentDoesNotExistException.builder().message("no deployment " + deploymentId).build());
    }

    private static software.amazon.awssdk.services.codedeploy.model.DeploymentStatus wireStatus(DeploymentStatus s) {
        return switch (s) {
            case BEFORE_ALLOW_TRAFFIC, CANARY, AFTER_ALLOW_TRAFFIC ->
                    software.amazon.awssdk.services.codedeploy.model.DeploymentStatus.IN_PROGRESS;
            case SUCCEEDED -> software.amazon.awssdk.services.codedeploy.model.DeploymentStatus.SUCCEEDED;
            case FAILED -> software.amazon.awssdk.services.codedeploy.model.DeploymentStatus.FAILED;
            case STOPPED -> software.amazon.awssdk.services.codedeploy.model.DeploymentStatus.STOPPED;
        };
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
