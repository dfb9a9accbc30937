package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.RejectionReason;
import dev.rollgate.core.state.MetricWindowStore;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.Rollouts;
import dev.rollgate.core.state.WindowPutOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The ingest handler's use case: validates a window, routes it to its rollout (named in the event, or the
 * tenant's active rollout of the agent) and stores it idempotently. Nothing invalid is stored.
 */
public final class IngestMetricWindow {
    /** Windows from further in the future than this are clock errors, not data. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    public static final String UNROUTED = "unrouted";

    private final WindowDecoder decoder;
    private final MetricWindowStore windows;
    private final Rollouts rollouts;

    public IngestMetricWindow(WindowDecoder decoder, MetricWindowStore windows, Rollouts rollouts) {
        this.decoder = decoder;
        this.windows = windows;
        this.rollouts = rollouts;
    }

    /** @param tenant the tenant whose bus delivered the event (routing never crosses tenants) */
    public IngestOutcome ingest(String tenant, String json, Instant now) {
        WindowDecoder.Decoded decoded = decoder.decode(json);
        if (decoded instanceof WindowDecoder.Decoded.Rejected rejected) {
            return reject(UNROUTED, rejected.reason(), rejected.message());
        }
        MetricWindow window = ((WindowDecoder.Decoded.Accepted) decoded).window();
        Optional<Rollout> rollout = route(tenant, window);
        if (rollout.isEmpty()) {
            String scope = window.routing().agent().orElse(UNROUTED);
            return reject(scope, "NO_ROLLOUT", "no active rollout for this window's agent or rollout id");
        }
        String id = rollout.get().id();
        if (window.windowStart().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            return reject(id, "FUTURE_WINDOW", "windowStart " + window.windowStart() + " is in the future");
        }
        WindowPutOutcome put = windows.put(id, window, now);
        return switch (put) {
            case STORED -> new IngestOutcome.Stored(id);
            case DUPLICATE -> new IngestOutcome.Duplicate(id);
            case CONFLICTING_DUPLICATE -> reject(id, RejectionReason.CONFLICTING_DUPLICATE.name(),
                    "windowStart: a different " + window.variant().wireName() + " window for " + window.windowStart()
                            + " was stored before; the first is kept");
        };
    }

    private Optional<Rollout> route(String tenant, MetricWindow window) {
        if (window.routing().rolloutId().isPresent()) {
            return rollouts.get(window.routing().rolloutId().get()).filter(r -> r.tenant().equals(tenant));
        }
        if (window.routing().agent().isEmpty()) {
            return Optional.empty();
        }
        // The newest rollout of the agent that is still running; listings are newest first.
        return rollouts.listByAgent(tenant, window.routing().agent().get(), PageRequest.first(20)).items().stream()
                .filter(r -> !r.state().status().isTerminal() && r.state().status() != RolloutStatus.PENDING)
                .findFirst();
    }

    private IngestOutcome reject(String scope, String reason, String message) {
        windows.countRejected(scope, reason);
        return new IngestOutcome.Rejected(scope, reason, message);
    }
}
