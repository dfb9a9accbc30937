package dev.rollgate.console.security;

/** Role and tenant checks shared by the console's services. */
public final class Guard {
    private Guard() {
    }

    public static void requireRole(ConsoleUser user, Role role, String action) {
        if (!user.has(role)) {
            throw new AccessRefusedException(action + " needs the " + role + " role");
        }
    }

    public static void requireTenant(ConsoleUser user, String tenant) {
        if (!user.canSee(tenant)) {
            throw new AccessRefusedException("tenant " + tenant + " is not one of yours");
        }
    }
}
