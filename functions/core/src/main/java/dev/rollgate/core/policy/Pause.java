package dev.rollgate.core.policy;

import java.time.Duration;
import java.util.Optional;

/**
 * A pause after a stage's traffic shift: timed, or indefinite (an Argo {@code pause: {}}), which waits for a
 * human to resume and so always requires approval.
 */
public record Pause(Optional<Duration> duration) {
    public static final Pause NONE = new Pause(Optional.of(Duration.ZERO));
    public static final Pause INDEFINITE = new Pause(Optional.empty());

    public static Pause of(Duration duration) {
        return new Pause(Optional.of(duration));
    }

    public boolean indefinite() {
        return duration.isEmpty();
    }

    public String describe() {
        return duration.map(PolicyFormat::duration).orElse("until approved");
    }
}
