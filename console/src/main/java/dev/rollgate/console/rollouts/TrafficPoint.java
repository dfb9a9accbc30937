package dev.rollgate.console.rollouts;

import java.time.Instant;

/** The candidate's traffic weight from {@code at} on. */
public record TrafficPoint(Instant at, int weight) {
}
