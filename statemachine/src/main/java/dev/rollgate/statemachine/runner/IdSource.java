package dev.rollgate.statemachine.runner;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Where task tokens and {@code States.UUID()} values come from; injectable so tests are deterministic. */
@FunctionalInterface
public interface IdSource {
    /** A new identifier in UUID text form. */
    String nextId();

    static IdSource random() {
        return () -> UUID.randomUUID().toString();
    }

    /** 00000000-0000-0000-0000-000000000001, ...2, ...: reproducible runs for tests and the sandbox. */
    static IdSource sequential() {
        AtomicLong counter = new AtomicLong();
        return () -> new UUID(0L, counter.incrementAndGet()).toString();
    }
}
