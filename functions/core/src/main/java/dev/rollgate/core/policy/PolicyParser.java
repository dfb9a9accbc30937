package dev.rollgate.core.policy;

import dev.rollgate.core.policy.parse.PolicyDocumentReader;

/**
 * Entry point for reading rollout policies. Every problem is reported with its field path and line; a value that
 * was given but is wrong is never replaced by a default.
 */
public final class PolicyParser {
    private PolicyParser() {
    }

    /** Parses a policy; {@code defaultName} names it when the document does not (a file name, say). */
    public static PolicyParseResult parse(String yaml, String defaultName) {
        return PolicyDocumentReader.read(yaml, defaultName);
    }

    public static PolicyParseResult parse(String yaml) {
        return parse(yaml, "policy");
    }
}
