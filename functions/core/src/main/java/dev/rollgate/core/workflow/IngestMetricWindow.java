package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.WindowRouting;
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
 * tenant's active rollout of the agent) and stores it idempotently. Nothing invalid is stored. A window is
 * identified by rollout, variant and start: sent again with the same content it is a harmless duplicate (a
 * retried delivery); sent again with other numbers it is rejected as {@value #CONFLICTING_DUPLICATE} and counted,
 * and the first copy stays. Windows may arrive in any order.
 */
public final class IngestMetricWindow {
    /** Windows from further in the future than this are clock errors, not data. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    public static final String UNROUTED = "unrouted";
    public static final String CONFLICTING_DUPLICATE = "CONFLICTING_DUPLICATE";

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
        if (put == WindowPutOutcome.STORED) {
            return new IngestOutcome.Stored(id);
        }
        // Only a duplicate pays for the read-back: it tells a retried delivery from a window that changed.
        Optional<MetricWindow> stored = storedCopy(id, window);
        if (stored.isPresent() && !sameContent(stored.get(), window)) {
            return reject(id, CONFLICTING_DUPLICATE, "a different window " + window.key() + " was stored before");
        }
        return new IngestOutcome.Duplicate(id);
    }

    private Optional<MetricWindow> storedCopy(String rolloutId, MetricWindow window) {
        return windows.read(rolloutId, window.variant(), window.windowStart(), window.windowStart().plusNanos(1),
                PageRequest.first(1)).items().stream().findFirst();
    }

    /** Equal numbers; how the window was routed (by rollout id or by agent) is delivery, not content. */
    private static boolean sameContent(MetricWindow a, MetricWindow b) {
        return withoutRouting(a).equals(withoutRouting(b));
    }

    private static MetricWindow withoutRouting(MetricWindow w) {
        return new MetricWindow(w.variant(), w.windowStart(), w.windowSeconds(), w.requests(), w.errors(),
                w.latencyMs(), w.policyEvaluations(), w.policyDenies(), w.safetyDenies(), w.parseFailures(),
                w.schemaViolations(), w.approvalBacklog(), w.reasonCodes(), w.criticalIncidents(), w.custom(),
                WindowRouting.NONE);
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
