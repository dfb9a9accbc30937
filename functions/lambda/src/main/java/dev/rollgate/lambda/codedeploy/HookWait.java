package dev.rollgate.lambda.codedeploy;

import com.amazonaws.services.lambda.runtime.Context;

import java.time.Duration;

/**
 * How a hook invocation waits before asking again while its rollout's gate is still pending. CodeDeploy gives a
 * hook an hour but a Lambda invocation at most its timeout, so the hook polls within the invocation only while
 * enough of it remains; a verdict still pending then is left unreported (CodeDeploy's own hour runs on, and the
 * use case fails the hook itself before that hour ends when it is asked again).
 */
@FunctionalInterface
public interface HookWait {
    Duration POLL_INTERVAL = Duration.ofSeconds(15);
    /** Kept free at the end of an invocation for the last decision and its report. */
    Duration RESERVE = Duration.ofSeconds(10);

    /** Waits one interval and answers true, or answers false at once when the invocation has no time left for it. */
    boolean waitBeforeAskingAgain(Context context);

    /** Sleeps {@link #POLL_INTERVAL} while the invocation's remaining time allows; never without a context. */
    static HookWait withinInvocation() {
        return context -> {
            if (context == null || context.getRemainingTimeInMillis()
                    < POLL_INTERVAL.plus(RESERVE).toMillis()) {
                return false;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
