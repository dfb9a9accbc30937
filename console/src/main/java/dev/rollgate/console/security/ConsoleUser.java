package dev.rollgate.console.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The signed-in person as the console sees them, whatever way they signed in.
 *
 * @param username the identity written into history and compared for four eyes
 * @param roles    granted roles, implied ones included
 * @param tenants  the only tenants whose rollouts, approvals and policies this user sees
 */
public record ConsoleUser(String username, Set<Role> roles, SortedSet<String> tenants) {
    public ConsoleUser {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        tenants = new TreeSet<>(tenants);
    }

    /** A user holding {@code assigned} and every role they imply. */
    public static ConsoleUser of(String username, Collection<Role> assigned, Collection<String> tenants) {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        assigned.forEach(r -> granted.addAll(r.granted()));
        return new ConsoleUser(username, granted, new TreeSet<>(tenants));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean canSee(String tenant) {
        return tenants.contains(tenant);
    }

    @Override
    public SortedSet<String> tenants() {
        return new TreeSet<>(tenants);
    }
}
