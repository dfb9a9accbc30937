package dev.rollgate.core.traffic;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a Lambda alias sends traffic: its version, plus at most one additional version with a weight in
 * percent (rollgate never routes to more than two versions).
 *
 * @param version         the alias's own function version
 * @param weightedVersion the additional version, if the alias is weighted
 * @param weightPercent   the additional version's share, 1..99 when weighted, 0 otherwise
 */
public record AliasRouting(String version, Optional<String> weightedVersion, int weightPercent) {
    public AliasRouting {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(weightedVersion, "weightedVersion");
        if (weightedVersion.isPresent() && (weightPercent < 1 || weightPercent > 99)) {
            throw new IllegalArgumentException("a weighted alias needs a weight of 1..99 percent, was " + weightPercent);
        }
        if (weightedVersion.isEmpty() && weightPercent != 0) {
            throw new IllegalArgumentException("an unweighted alias has weight 0, was " + weightPercent);
        }
        if (weightedVersion.filter(version::equals).isPresent()) {
            throw new IllegalArgumentException("alias version " + version + " cannot also be its weighted version");
        }
    }

    public static AliasRouting unweighted(String version) {
        return new AliasRouting(version, Optional.empty(), 0);
    }

    public static AliasRouting weighted(String version, String weightedVersion, int weightPercent) {
        return new AliasRouting(version, Optional.of(weightedVersion), weightPercent);
    }

    /** The routing that gives the target's candidate {@code weight} percent: 0 and 100 are unweighted. */
    public static AliasRouting forCandidateWeight(TrafficTarget target, int weight) {
        TrafficWeights.requirePercent(weight);
        if (weight == 0) {
            return unweighted(target.baselineVersion());
        }
        if (weight == 100) {
            return unweighted(target.candidateVersion());
        }
        return weighted(target.baselineVersion(), target.candidateVersion(), weight);
    }

    public boolean isWeighted() {
        return weightedVersion.isPresent();
    }

    /** The candidate's share in percent; 0 when the alias routes only to other versions. */
    public int candidateWeight(TrafficTarget target) {
        String candidate = target.candidateVersion();
        if (version.equals(candidate)) {
            return 100 - weightPercent;
        }
        return weightedVersion.filter(candidate::equals).isPresent() ? weightPercent : 0;
    }

    /** True when every version the alias routes to is the target's baseline or candidate. */
    public boolean staysWithin(TrafficTarget target) {
        return isOneOf(version, target) && weightedVersion.map(v -> isOneOf(v, target)).orElse(true);
    }

    private static boolean isOneOf(String v, TrafficTarget target) {
        return v.equals(target.baselineVersion()) || v.equals(target.candidateVersion());
    }

    public String describe() {
        return weightedVersion.map(w -> version + " + " + w + " at " + weightPercent + " %").orElse(version);
    }
}
