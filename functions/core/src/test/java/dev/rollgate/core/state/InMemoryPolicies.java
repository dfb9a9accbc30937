package dev.rollgate.core.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Fake {@link Policies}. */
public final class InMemoryPolicies implements Policies {
    // tenant -> name -> versions in order (index = version - 1)
    private final Map<String, TreeMap<String, List<StoredPolicy>>> byTenant = new TreeMap<>();

    @Override
    public synchronized PublishOutcome publish(String tenant, String name, long expectedLatest, String yaml,
                                               String author, Instant now) {
        List<StoredPolicy> versions = byTenant.computeIfAbsent(tenant, t -> new TreeMap<>())
                .computeIfAbsent(name, n -> new ArrayList<>());
        if (versions.size() != expectedLatest) {
            return new PublishOutcome.VersionConflict(name, expectedLatest, versions.size());
        }
        StoredPolicy policy = new StoredPolicy(tenant, name, expectedLatest + 1, yaml, author, now);
        versions.add(policy);
        return new PublishOutcome.Published(policy);
    }

    @Override
    public synchronized Optional<StoredPolicy> get(String tenant, String name, long version) {
        List<StoredPolicy> versions = versionsOf(tenant, name);
        return version >= 1 && version <= versions.size() ? Optional.of(versions.get((int) version - 1))
                : Optional.empty();
    }

    @Override
    public synchronized Optional<StoredPolicy> latest(String tenant, String name) {
        List<StoredPolicy> versions = versionsOf(tenant, name);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    @Override
    public synchronized Page<StoredPolicy> versions(String tenant, String name, PageRequest page) {
        List<StoredPolicy> newestFirst = versionsOf(tenant, name).stream()
                .sorted(Comparator.comparingLong(StoredPolicy::version).reversed()).toList();
        return InMemoryPages.page(newestFirst, page, p -> Long.toString(p.version()));
    }

    @Override
    public synchronized Page<StoredPolicy> list(String tenant, PageRequest page) {
        List<StoredPolicy> latestByName = byTenant.getOrDefault(tenant, new TreeMap<>()).values().stream()
                .filter(v -> !v.isEmpty()).map(v -> v.get(v.size() - 1)).toList();
        return InMemoryPages.page(latestByName, page, StoredPolicy::name);
    }

    private List<StoredPolicy> versionsOf(String tenant, String name) {
        return List.copyOf(byTenant.getOrDefault(tenant, new TreeMap<>()).getOrDefault(name, List.of()));
    }
}
