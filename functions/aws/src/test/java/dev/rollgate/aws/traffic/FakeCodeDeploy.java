package dev.rollgate.aws.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The CodeDeploy JSON wire API as far as rollgate uses it, in memory: deployment configs, deployments with a
 * status, StopDeployment and hook reports. Deployments only change status when a test says so (or on stop),
 * since only the real service runs them.
 */
final class FakeCodeDeploy implements Function<RecordedHttpClient.Exchange, RecordedHttpClient.Reply> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ACTIVE = Set.of("Created", "Queued", "InProgress", "Baking", "Ready");

    private final Map<String, JsonNode> configs = new LinkedHashMap<>();
    private final Map<String, JsonNode> deploymentRequests = new LinkedHashMap<>();
    private final Map<String, String> statuses = new LinkedHashMap<>();
    private final Set<String> reportedHooks = new HashSet<>();
    private int refuseNextDeploymentsAsOverLimit;

    synchronized void setStatus(String deploymentId, String status) {
        statuses.put(deploymentId, status);
    }

    synchronized String status(String deploymentId) {
        return statuses.get(deploymentId);
    }

    synchronized void addDeploymentConfig(String name) {
        configs.put(name, JSON.createObjectNode().put("deploymentConfigName", name));
    }

    /** CodeDeploy's answer when the group is busy with a deployment the listing did not show yet. */
    synchronized void refuseNextDeploymentAsOverLimit() {
        refuseNextDeploymentsAsOverLimit++;
    }

    synchronized JsonNode config(String name) {
        return configs.get(name);
    }

    synchronized JsonNode deploymentRequest(String deploymentId) {
        return deploymentRequests.get(deploymentId);
    }

    synchronized Set<String> deploymentIds() {
        return Set.copyOf(statuses.keySet());
    }

    @Override
    public synchronized RecordedHttpClient.Reply apply(RecordedHttpClient.Exchange exchange) {
        JsonNode body;
        try {
            body = JSON.readTree(exchange.body());
        } catch (IOException e) {
            return RecordedHttpClient.Reply.error(400, "InvalidInputException", "body is not JSON");
        }
        return switch (exchange.operation()) {
            case "GetDeploymentConfig" -> getConfig(body.path("deploymentConfigName").asText());
            case "CreateDeploymentConfig" -> createConfig(body);
            case "CreateDeployment" -> createDeployment(body);
            case "GetDeployment" -> getDeployment(body.path("deploymentId").asText());
            case "ListDeployments" -> listDeployments(body);
            case "StopDeployment" -> stop(body.path("deploymentId").asText());
            case "PutLifecycleEventHookExecutionStatus" -> reportHook(body);
            default -> RecordedHttpClient.Reply.error(400, "InvalidOperationException", "unexpected operation");
        };
    }

    private RecordedHttpClient.Reply getConfig(String name) {
        if (!configs.containsKey(name)) {
            return RecordedHttpClient.Reply.error(400, "DeploymentConfigDoesNotExistException", "no such config");
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.set("deploymentConfigInfo", configs.get(name));
        return RecordedHttpClient.Reply.ok(reply.toString());
    }

    private RecordedHttpClient.Reply createConfig(JsonNode body) {
        String name = body.path("deploymentConfigName").asText();
        if (configs.containsKey(name)) {
            return RecordedHttpClient.Reply.error(400, "DeploymentConfigAlreadyExistsException", "exists");
        }
        configs.put(name, body);
        return RecordedHttpClient.Reply.ok("{\"deploymentConfigId\":\"cfg-" + configs.size() + "\"}");
    }

    private RecordedHttpClient.Reply createDeployment(JsonNode body) {
        if (refuseNextDeploymentsAsOverLimit > 0) {
            refuseNextDeploymentsAsOverLimit--;
            return RecordedHttpClient.Reply.error(400, "DeploymentLimitExceededException", "deployment in progress");
        }
        String id = String.format("d-FAKE%05d", statuses.size() + 1);
        statuses.put(id, "Created");
        deploymentRequests.put(id, body);
        return RecordedHttpClient.Reply.ok("{\"deploymentId\":\"" + id + "\"}");
    }

    private RecordedHttpClient.Reply getDeployment(String id) {
        if (!statuses.containsKey(id)) {
            return RecordedHttpClient.Reply.error(400, "DeploymentDoesNotExistException", "no such deployment");
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.putObject("deploymentInfo").put("deploymentId", id).put("status", statuses.get(id));
        return RecordedHttpClient.Reply.ok(reply.toString());
    }

    private RecordedHttpClient.Reply listDeployments(JsonNode body) {
        Set<String> wanted = new HashSet<>();
        body.path("includeOnlyStatuses").forEach(s -> wanted.add(s.asText()));
        ObjectNode reply = JSON.createObjectNode();
        var list = reply.putArray("deployments");
        statuses.forEach((id, status) -> {
            if (wanted.isEmpty() || wanted.contains(status)) {
                list.add(id);
            }
        });
        return RecordedHttpClient.Reply.ok(reply.toString());
    }

    private RecordedHttpClient.Reply stop(String id) {
        if (!ACTIVE.contains(statuses.get(id))) {
            return RecordedHttpClient.Reply.error(400, "DeploymentAlreadyCompletedException", "already completed");
        }
        statuses.put(id, "Stopped");
        return RecordedHttpClient.Reply.ok("{\"status\":\"Succeeded\",\"statusMessage\":\"stopped\"}");
    }

    private RecordedHttpClient.Reply reportHook(JsonNode body) {
        String hook = body.path("lifecycleEventHookExecutionId").asText();
        if (!reportedHooks.add(hook)) {
            return RecordedHttpClient.Reply.error(400, "LifecycleEventAlreadyCompletedException", "completed");
        }
        return RecordedHttpClient.Reply.ok("{\"lifecycleEventHookExecutionId\":\"" + hook + "\"}");
    }
}
