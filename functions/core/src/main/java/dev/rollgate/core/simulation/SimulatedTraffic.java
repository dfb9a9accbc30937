package dev.rollgate.core.simulation;

import dev.rollgate.core.metrics.MetricWindow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Generated windows (time order, baseline before candidate in each minute) and when the canary's problem began.
 *
 * @param windows          the windows
 * @param regressionStart  windowStart from which the canary is worse; empty for healthy scenarios
 */
public record SimulatedTraffic(List<MetricWindow> windows, Optional<Instant> regressionStart) {
    public SimulatedTraffic {
        windows = List.copyOf(windows);
    }
}
