package dev.rollgate.console.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a console user may do. VIEWER reads; OPERATOR also aborts and reruns; APPROVER also decides approvals;
 * ADMIN may do all of it. Roles imply the ones below them, so a check names only the role it needs.
 */
public enum Role {
    VIEWER,
    OPERATOR,
    APPROVER,
    ADMIN;

    /** The roles this role grants, itself included. */
    public Set<Role> granted() {
        return switch (this) {
            case VIEWER -> EnumSet.of(VIEWER);
            case OPERATOR -> EnumSet.of(VIEWER, OPERATOR);
            case APPROVER -> EnumSet.of(VIEWER, APPROVER);
            case ADMIN -> EnumSet.allOf(Role.class);
        };
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
