package dev.rollgate.statemachine.local;

import dev.rollgate.statemachine.runner.WorkflowRunner;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** A {@link Clock} that reads the local runner's virtual time, so stand-ins and handlers share one clock. */
final class RunnerClock extends Clock {
    private final Supplier<Instant> now;

    RunnerClock(Supplier<Instant> now) {
        this.now = now;
    }

    static RunnerClock of(WorkflowRunner runner) {
        return new RunnerClock(runner::now);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
