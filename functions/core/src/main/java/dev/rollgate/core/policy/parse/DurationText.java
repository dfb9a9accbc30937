package dev.rollgate.core.policy.parse;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written the way Argo Rollouts and Go do: {@code 90s}, {@code 20m}, {@code 1h30m}, {@code 2d}. */
public final class DurationText {
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+[dhms])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");
    private static final long MAX_SECONDS = 366L * 24 * 3600;

    private DurationText() {
    }

    public static Optional<Duration> parse(String text) {
        String trimmed = text.trim();
        if (!WHOLE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        long seconds = 0;
        Matcher part = PART.matcher(trimmed);
        while (part.find()) {
            String digits = part.group(1);
            if (digits.length() > 9) {
                return Optional.empty();
            }
            long amount = Long.parseLong(digits);
            seconds += switch (part.group(2)) {
                case "d" -> amount * 86_400;
                case "h" -> amount * 3_600;
                case "m" -> amount * 60;
                default -> amount;
            };
            if (seconds > MAX_SECONDS) {
                return Optional.empty();
            }
        }
        return Optional.of(Duration.ofSeconds(seconds));
    }
}
