package dev.rollgate.statemachine.local;

import dev.rollgate.core.traffic.AliasRouting;
import dev.rollgate.core.traffic.TrafficWeights;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasRequest;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.UpdateAliasRequest;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;

import java.util.Map;

/**
 * Lambda's GetAlias / UpdateAlias as rollgate's adapters call them, answered by the local agent aliases; the
 * revision id is the alias's change count, so a write based on a stale read is refused as Lambda refuses it.
 */
public final class LocalLambdaAliasClient implements LambdaClient {
    private final LocalCodeDeploys codeDeploys;

    public LocalLambdaAliasClient(LocalCodeDeploys codeDeploys) {
        this.codeDeploys = codeDeploys;
    }

    @Override
    public GetAliasResponse getAlias(GetAliasRequest request) {
        LocalAgentAlias alias = alias(request.functionName(), request.name());
        synchronized (alias) {
            AliasRouting routing = alias.routing();
            Map<String, Double> weights = routing.weightedVersion()
                    .map(v -> Map.of(v, TrafficWeights.fractionOf(routing.weightPercent()))).orElse(Map.of());
            return GetAliasResponse.builder().name(alias.aliasName()).functionVersion(routing.version())
                    .revisionId(revision(alias)).routingConfig(AliasRoutingConfiguration.builder()
                            .additionalVersionWeights(weights).build()).build();
        }
    }

    @Override
    public UpdateAliasResponse updateAlias(UpdateAliasRequest request) {
        LocalAgentAlias alias = alias(request.functionName(), request.name());
        synchronized (alias) {
            if (request.revisionId() != null && !request.revisionId().equals(revision(alias))) {
                throw PreconditionFailedException.builder().message("revision changed").build();
            }
            Map<String, Double> weights = request.routingConfig() == null ? Map.of()
                    : request.routingConfig().additionalVersionWeights();
            AliasRouting next = weights.isEmpty() ? AliasRouting.unweighted(request.functionVersion())
                    : weights.entrySet().stream().findFirst().map(e -> AliasRouting.weighted(request.functionVersion(),
                    e.getKey(), TrafficWeights.percentOf(e.getValue()))).orElseThrow();
            alias.route(next, codeDeploys.clock().instant(), "UpdateAlias");
            return UpdateAliasResponse.builder().name(alias.aliasName()).functionVersion(next.version())
                    .revisionId(revision(alias)).build();
        }
    }

    @Override
    public String serviceName() {
        return "lambda";
    }

    @Override
    public void close() {
    }

    private LocalAgentAlias alias(String functionName, String aliasName) {
        return codeDeploys.aliases().alias(functionName, aliasName).orElseThrow(() -> ResourceNotFoundException
                .builder().message("no alias " + aliasName + " of " + functionName).build());
    }

    private static String revision(LocalAgentAlias alias) {
        return "rev-" + alias.history().size();
    }
}
