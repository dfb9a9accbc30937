package dev.rollgate.core.state;

import java.time.Instant;
import java.util.Optional;

/** Named, versioned rollout policies per tenant, stored as their YAML text (parsing is the caller's job). */
public interface Policies {
    /**
     * Publishes {@code yaml} as version {@code expectedLatest + 1} of the policy; {@code expectedLatest} is 0 for
     * a new name. A concurrent publish makes one of them a {@link PublishOutcome.VersionConflict}.
     */
    PublishOutcome publish(String tenant, String name, long expectedLatest, String yaml, String author,
                           Instant now);

    Optional<StoredPolicy> get(String tenant, String name, long version);

    Optional<StoredPolicy> latest(String tenant, String name);

    /** All versions of one policy, newest first. */
    Page<StoredPolicy> versions(String tenant, String name, PageRequest page);

    /** The latest version of each of the tenant's policies, by name. */
    Page<StoredPolicy> list(String tenant, PageRequest page);
}
