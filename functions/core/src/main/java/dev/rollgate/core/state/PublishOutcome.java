package dev.rollgate.core.state;

/** What publishing a policy version did. */
public sealed interface PublishOutcome {
    record Published(StoredPolicy policy) implements PublishOutcome {
    }

    /** Someone published another version first; nothing was written. */
    record VersionConflict(String name, long expectedLatest, long actualLatest) implements PublishOutcome {
    }
}
