package dev.rollgate.statemachine.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that only moves when told to, for accelerated local runs and tests. Time never goes backwards.
 * Thread-safe.
 */
public final class VirtualClock extends Clock {
    private final Object lock = new Object();
    private Instant now;

    public VirtualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            return now;
        }
    }

    public Instant advanceBy(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("a virtual clock cannot go back; step was " + step);
        }
        synchronized (lock) {
            now = now.plus(step);
            return now;
        }
    }

    public Instant advanceTo(Instant target) {
        synchronized (lock) {
            if (target.isBefore(now)) {
                throw new IllegalArgumentException("a virtual clock cannot go back from " + now + " to " + target);
            }
            now = target;
            return now;
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the virtual clock is always UTC");
    }
}
