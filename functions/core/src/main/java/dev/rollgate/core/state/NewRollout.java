package dev.rollgate.core.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static dev.rollgate.core.state.StateLimits.requireId;
import static dev.rollgate.core.state.StateLimits.requireText;

/**
 * A request to start a rollout. The id is chosen by the caller (so a retried step can reuse it); everything
 * else is what the requester asked for and goes into the {@link #fingerprint()}.
 */
public record NewRollout(String id, String tenant, String agent, String candidateVersion, String baselineVersion,
                         String requester, String policyName, long policyVersion, String policyYaml) {
    public NewRollout {
        requireId(id, "rollout id");
        requireId(tenant, "tenant");
        requireId(agent, "agent");
        requireId(candidateVersion, "candidateVersion");
        requireId(baselineVersion, "baselineVersion");
        requireId(requester, "requester");
        requireId(policyName, "policyName");
        if (policyVersion < 1) {
            throw new IllegalArgumentException("policyVersion must be >= 1, was " + policyVersion);
        }
        requireText(policyYaml, "policyYaml", StateLimits.MAX_POLICY_YAML_BYTES);
    }

    /**
     * A digest of what was asked for, without the rollout id: two requests with the same idempotency key are
     * "the same request" exactly when their fingerprints are equal.
     */
    public String fingerprint() {
        List<String> fields = List.of(tenant, agent, candidateVersion, baselineVersion, requester, policyName,
                Long.toString(policyVersion), policyYaml);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String field : fields) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                // Length-prefixing keeps ("ab","c") and ("a","bc") apart.
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
