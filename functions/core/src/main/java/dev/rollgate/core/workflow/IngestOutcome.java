package dev.rollgate.core.workflow;

/** What ingesting one metric window did; every window is stored once or rejected with a counted reason. */
public sealed interface IngestOutcome {
    record Stored(String rolloutId) implements IngestOutcome {
    }

    record Duplicate(String rolloutId) implements IngestOutcome {
    }

    record Rejected(String scope, String reason, String message) implements IngestOutcome {
    }
}
