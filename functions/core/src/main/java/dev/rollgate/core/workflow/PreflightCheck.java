package dev.rollgate.core.workflow;

import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.state.Rollout;

import java.time.Instant;
import java.util.Map;

/** Runs the Cordum preflight (policy simulation and workflow dry-run) for a rollout; fails closed. */
public interface PreflightCheck {
    Result check(Rollout rollout, RolloutPolicy policy, Instant now);

    /** The gate's verdict with a short, secret-free explanation for the history. */
    sealed interface Result {
        Map<String, String> detail();

        record Passed(Map<String, String> detail) implements Result {
        }

        record Failed(String cause, Map<String, String> detail) implements Result {
        }

        record NeedsApproval(String cause, Map<String, String> detail) implements Result {
        }
    }
}
