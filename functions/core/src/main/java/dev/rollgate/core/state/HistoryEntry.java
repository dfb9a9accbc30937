package dev.rollgate.core.state;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A history event before it is stored (the store assigns the sequence number).
 *
 * @param type       what happened, e.g. {@code STAGE_ENTERED}, {@code GATE_EVALUATED}, {@code APPROVAL_DECIDED}
 * @param actor      who caused it: a user identity for operator actions, {@code system:<component>} otherwise
 * @param reasonCode the lifecycle reason code, or an empty string when the event has none
 * @param detail     free-form details (verdicts, explanations); values are shortened by {@link HistoryDetail#fit}
 *                   so the whole event stays within {@link StateLimits#MAX_HISTORY_DETAIL_BYTES}
 */
public record HistoryEntry(Instant at, String type, String actor, String reasonCode, Map<String, String> detail) {
    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        StateLimits.requireId(type, "history event type");
        StateLimits.requireId(actor, "history event actor");
        StateLimits.requireText(reasonCode, "history event reasonCode", StateLimits.MAX_ID_BYTES);
        detail = HistoryDetail.fit(detail, StateLimits.MAX_HISTORY_DETAIL_BYTES);
    }

    public static HistoryEntry of(Instant at, String type, String actor, String reasonCode) {
        return new HistoryEntry(at, type, actor, reasonCode, Map.of());
    }
}
