package dev.rollgate.console.approvals;

import dev.rollgate.console.security.ConsoleUser;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the next page of a user's pending approvals starts: for each tenant that may still have some, the store's
 * cursor after the last row already listed from it (empty: from its oldest). It stays on the server, in the view.
 */
public record PendingCursor(Map<String, Optional<String>> tenants) {
    public PendingCursor {
        tenants = Map.copyOf(tenants);
    }

    public static PendingCursor first(ConsoleUser user) {
        Map<String, Optional<String>> all = new TreeMap<>();
        user.tenants().forEach(t -> all.put(t, Optional.empty()));
        return new PendingCursor(all);
    }
}
