package dev.rollgate.core.workflow;

import dev.rollgate.core.metrics.MetricWindow;

/** Validates one metric window as it arrives (an EventBridge event detail), with the judge's rules. */
public interface WindowDecoder {
    Decoded decode(String json);

    sealed interface Decoded {
        record Accepted(MetricWindow window) implements Decoded {
        }

        /** @param reason a stable reason code, counted per rollout; @param message names the field */
        record Rejected(String reason, String message) implements Decoded {
        }
    }
}
