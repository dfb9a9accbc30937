package dev.rollgate.core.preflight;

import java.util.Arrays;

/** Why the service refused to resolve an approval with a 409. */
public enum ApprovalConflict {
    ALREADY_RESOLVED("approval_already_resolved"),
    TERMINAL_RUN("approval_terminal_run"),
    STALE_SNAPSHOT("approval_stale_snapshot"),
    STALE_REQUEST("approval_stale_request"),
    NOT_ACTIONABLE("approval_not_actionable"),
    /** A 409 code this version does not know. */
    UNRECOGNIZED("");

    private final String code;

    ApprovalConflict(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ApprovalConflict fromCode(String code) {
        return Arrays.stream(values()).filter(c -> !c.code.isEmpty() && c.code.equals(code)).findFirst()
                .orElse(UNRECOGNIZED);
    }
}
