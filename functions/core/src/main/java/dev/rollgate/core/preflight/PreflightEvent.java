package dev.rollgate.core.preflight;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A history entry for one preflight call or the final verdict. Holds no request bodies and no credentials.
 *
 * @param rolloutId rollout id
 * @param stage     stage
 * @param at        when the call ended
 * @param elapsed   how long the call took (zero for the verdict)
 * @param result    what was checked and how it came out
 */
public record PreflightEvent(String rolloutId, String stage, Instant at, Duration elapsed, CheckResult result) {
    public PreflightEvent {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(result, "result");
    }
}
