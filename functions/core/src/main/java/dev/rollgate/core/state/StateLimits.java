package dev.rollgate.core.state;

import java.nio.charset.StandardCharsets;

/**
 * Size limits checked before anything is written. DynamoDB refuses items over 400 KB; these budgets keep every
 * item far below that so a long explanation is truncated on purpose instead of failing in production.
 */
public final class StateLimits {
    /** Policy YAML kept with a rollout and in the policy store. */
    public static final int MAX_POLICY_YAML_BYTES = 128 * 1024;
    /** All detail values of one history event together. */
    public static final int MAX_HISTORY_DETAIL_BYTES = 48 * 1024;
    /** Short free-text fields: approval reasons, decision reasons, reason codes. */
    public static final int MAX_TEXT_BYTES = 4 * 1024;
    /** Identifiers: tenant, agent, versions, ids, user names, idempotency keys. */
    public static final int MAX_ID_BYTES = 512;

    private StateLimits() {
    }

    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Rejects a missing, blank or oversized identifier, naming the field. */
    public static String requireId(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (utf8Length(value) > MAX_ID_BYTES) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_ID_BYTES + " bytes");
        }
        return value;
    }

    /** Rejects a missing or oversized text field, naming the field. */
    public static String requireText(String value, String field, int maxBytes) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (utf8Length(value) > maxBytes) {
            throw new IllegalArgumentException(field + " is longer than " + maxBytes + " bytes");
        }
        return value;
    }
}
