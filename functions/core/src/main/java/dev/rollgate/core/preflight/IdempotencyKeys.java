package dev.rollgate.core.preflight;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Idempotency keys for workflow runs started by a rollout. The service keeps keys forever and globally (not per tenant),
 * so the key is a digest of rollout id and stage: a retried step maps to the same run, another rollout never collides.
 */
public final class IdempotencyKeys {
    private static final String PREFIX = "rollgate-run-";

    private IdempotencyKeys() {
    }

    public static String forRunStart(String rolloutId, String stage) {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(stage, "stage");
        if (rolloutId.isBlank() || stage.isBlank()) {
            throw new IllegalArgumentException("rolloutId and stage must not be blank for an idempotency key");
        }
        // Length-prefixing keeps ("a:b", "c") and ("a", "b:c") apart.
        String material = rolloutId.length() + ":" + rolloutId + "|" + stage;
        return PREFIX + HexFormat.of().formatHex(sha256(material)).substring(0, 40);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
