package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.Command;
import dev.rollgate.core.state.Rollout;

import java.time.Instant;

/** Publishes rollout lifecycle events (stage entered, promoted, rolled back, approval requested) for notification. */
public interface LifecycleEvents {
    void publish(Rollout rollout, Command.PublishEvent event, Instant at);
}
