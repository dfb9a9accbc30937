package dev.rollgate.statemachine.local;

import java.time.Instant;

/**
 * A lifecycle hook CodeDeploy is waiting on, as the hook function would be invoked with it. It must be
 * reported before {@code deadline} (one hour after it started) or the deployment fails.
 */
public record PendingHook(String deploymentId, String lifecycleEventHookExecutionId, LifecycleEvent event,
                          String hookFunction, String rolloutId, Instant deadline) {
}
