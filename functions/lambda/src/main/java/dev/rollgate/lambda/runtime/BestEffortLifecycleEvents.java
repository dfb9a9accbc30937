package dev.rollgate.lambda.runtime;

import dev.rollgate.core.lifecycle.Command;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.workflow.LifecycleEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Lifecycle events are notifications, published after the state write that caused them: a bus that cannot be
 * reached must not fail the workflow step (its Catch would roll the release back for a missed e-mail). The
 * failure is logged with the rollout id; the history in DynamoDB remains the record.
 */
public final class BestEffortLifecycleEvents implements LifecycleEvents {
    private static final Logger LOG = LoggerFactory.getLogger(BestEffortLifecycleEvents.class);
    private final LifecycleEvents delegate;

    public BestEffortLifecycleEvents(LifecycleEvents delegate) {
        this.delegate = delegate;
    }

    @Override
    public void publish(Rollout rollout, Command.PublishEvent event, Instant at) {
        try {
            delegate.publish(rollout, event, at);
        } catch (RuntimeException e) {
            LOG.warn("lifecycle event {} of rollout {} was not published: {}", event.status(), rollout.id(),
                    e.getMessage());
        }
    }
}
