package dev.rollgate.console.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Short human forms of ages and instants (UTC, so every reader sees the same time). */
public final class Durations {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Durations() {
    }

    public static String human(Duration d) {
        boolean negative = d.isNegative();
        Duration a = d.abs();
        String text;
        if (a.toDays() > 0) {
            text = a.toDays() + "d " + a.toHoursPart() + "h";
        } else if (a.toHours() > 0) {
            text = a.toHours() + "h " + a.toMinutesPart() + "m";
        } else if (a.toMinutes() > 0) {
            text = a.toMinutes() + "m " + a.toSecondsPart() + "s";
        } else {
            text = a.toSeconds() + "s";
        }
        return negative ? "in " + text : text;
    }

    public static String at(Instant instant) {
        return AT.format(instant);
    }

    public static String clock(Instant instant) {
        return CLOCK.format(instant);
    }
}
