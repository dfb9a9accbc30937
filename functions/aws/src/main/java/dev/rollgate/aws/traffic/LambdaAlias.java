package dev.rollgate.aws.traffic;

import dev.rollgate.core.traffic.AliasRouting;
import dev.rollgate.core.traffic.TrafficDriverFailureException;
import dev.rollgate.core.traffic.TrafficTarget;
import dev.rollgate.core.traffic.TrafficWeights;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes one Lambda alias's routing. Writes carry the revision that was read, so a concurrent
 * change elsewhere is detected instead of overwritten.
 */
final class LambdaAlias {

    /**
     * The alias as read. {@code routing} is empty when the alias routes to more than two versions, which
     * rollgate never sets up.
     */
    record State(Optional<AliasRouting> routing, String revisionId, String description) {
    }

    private final LambdaClient lambda;

    LambdaAlias(LambdaClient lambda) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
    }

    State read(TrafficTarget target) {
        try {
            GetAliasResponse alias = lambda.getAlias(r -> r.functionName(target.functionName()).name(target.aliasName()));
            return new State(routingOf(alias), alias.revisionId(), alias.description());
        } catch (SdkException e) {
            throw new TrafficDriverFailureException("GetAlias failed for " + where(target), e);
        }
    }

    /** Writes the routing; false when the alias changed since {@code revisionId} was read. */
    boolean write(TrafficTarget target, AliasRouting next, String revisionId) {
        Map<String, Double> weights = next.weightedVersion()
                .map(v -> Map.of(v, TrafficWeights.fractionOf(next.weightPercent())))
                .orElse(Map.of());
        try {
            // An empty weight map is how Lambda clears a routing config.
            lambda.updateAlias(r -> r.functionName(target.functionName()).name(target.aliasName())
                    .functionVersion(next.version())
                    .routingConfig(AliasRoutingConfiguration.builder().additionalVersionWeights(weights).build())
                    .revisionId(revisionId));
            return true;
        } catch (PreconditionFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new TrafficDriverFailureException("UpdateAlias failed for " + where(target), e);
        }
    }

    static String where(TrafficTarget target) {
        return "alias " + target.aliasName() + " of function " + target.functionName();
    }

    private static Optional<AliasRouting> routingOf(GetAliasResponse alias) {
        Map<String, Double> weights = alias.routingConfig() == null
                ? Map.of() : alias.routingConfig().additionalVersionWeights();
        Map<String, Double> nonZero = weights.entrySet().stream().filter(e -> e.getValue() > 0.0)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (nonZero.isEmpty()) {
            return Optional.of(AliasRouting.unweighted(alias.functionVersion()));
        }
        if (nonZero.size() > 1) {
            return Optional.empty();
        }
        Map.Entry<String, Double> only = nonZero.entrySet().iterator().next();
        int percent = TrafficWeights.percentOf(only.getValue());
        if (percent < 1 || percent > 99) {
            // A share that rounds to 0 or 100 % cannot be expressed in whole percent; treat as foreign.
            return Optional.empty();
        }
        return Optional.of(AliasRouting.weighted(alias.functionVersion(), only.getKey(), percent));
    }
}
