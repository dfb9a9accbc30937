package dev.rollgate.aws.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's GetAlias/UpdateAlias wire API for one alias, in memory: routing weights and a revision id that
 * changes with every update and is checked when an update names one (412 PreconditionFailed otherwise).
 */
final class FakeLambdaAliases implements Function<RecordedHttpClient.Exchange, RecordedHttpClient.Reply> {
    static final String GET_ALIAS = "GET /2015-03-31/functions/agent/aliases/live";
    static final String UPDATE_ALIAS = "PUT /2015-03-31/functions/agent/aliases/live";
    private static final Pattern PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/aliases/([^/]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private String version;
    private Map<String, Double> weights = new LinkedHashMap<>();
    private int revision = 1;
    private int failNextUpdatesWithPreconditionFailed;

    FakeLambdaAliases(String version) {
        this.version = version;
    }

    synchronized void routeElsewhere(String newVersion, Map<String, Double> newWeights) {
        version = newVersion;
        weights = new LinkedHashMap<>(newWeights);
        revision++;
    }

    /** Simulates someone else updating the alias between the driver's read and its write. */
    synchronized void concurrentUpdateBeforeNextWrites(int times) {
        failNextUpdatesWithPreconditionFailed = times;
    }

    synchronized String version() {
        return version;
    }

    synchronized Map<String, Double> weights() {
        return Map.copyOf(weights);
    }

    @Override
    public synchronized RecordedHttpClient.Reply apply(RecordedHttpClient.Exchange exchange) {
        Matcher path = PATH.matcher(exchange.path());
        if (!path.matches() || !path.group(1).equals("agent") || !path.group(2).equals("live")) {
            return RecordedHttpClient.Reply.error(404, "ResourceNotFoundException", "no alias " + exchange.path());
        }
        if (exchange.method().equals("GET")) {
            return RecordedHttpClient.Reply.ok(aliasJson());
        }
        if (!exchange.method().equals("PUT")) {
            return RecordedHttpClient.Reply.error(400, "InvalidRequestContentException", "unexpected method");
        }
        try {
            JsonNode body = JSON.readTree(exchange.body());
            if (failNextUpdatesWithPreconditionFailed > 0) {
                failNextUpdatesWithPreconditionFailed--;
                revision++;
                return RecordedHttpClient.Reply.error(412, "PreconditionFailedException", "revision changed");
            }
            if (body.hasNonNull("RevisionId") && !body.get("RevisionId").asText().equals(revisionId())) {
                return RecordedHttpClient.Reply.error(412, "PreconditionFailedException", "revision changed");
            }
            if (body.hasNonNull("FunctionVersion")) {
                version = body.get("FunctionVersion").asText();
            }
            JsonNode routing = body.path("RoutingConfig").path("AdditionalVersionWeights");
            if (!routing.isMissingNode()) {
                Map<String, Double> next = new LinkedHashMap<>();
                routing.fields().forEachRemaining(e -> next.put(e.getKey(), e.getValue().asDouble()));
                weights = next;
            }
            revision++;
            return RecordedHttpClient.Reply.ok(aliasJson());
        } catch (java.io.IOException e) {
            return RecordedHttpClient.Reply.error(400, "InvalidRequestContentException", "body is not JSON");
        }
    }

    private String revisionId() {
        return "rev-" + revision;
    }

    private String aliasJson() {
        ObjectNode alias = JSON.createObjectNode();
        alias.put("AliasArn", "arn:aws:lambda:us-east-1:123456789012:function:agent:live");
        alias.put("Name", "live");
        alias.put("FunctionVersion", version);
        alias.put("RevisionId", revisionId());
        if (!weights.isEmpty()) {
            ObjectNode w = alias.putObject("RoutingConfig").putObject("AdditionalVersionWeights");
            weights.forEach(w::put);
        }
        return alias.toString();
    }
}
