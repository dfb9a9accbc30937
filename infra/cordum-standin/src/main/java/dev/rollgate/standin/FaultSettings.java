package dev.rollgate.standin;

import java.util.Set;

/**
 * Faults applied to Cordum API requests (never to the {@code /__standin} admin endpoints).
 *
 * @param latencyMillis delay before answering
 * @param status        answer this status (429, 500, 502 or 503) with a Cordum error body instead of the real answer
 * @param hang          never answer (until the stand-in stops or {@code hangMillis} pass, then drop the connection)
 * @param hangMillis    how long a hang lasts, default 60 000
 * @param drop          close the connection without an answer
 * @param malformedJson answer 200 with a truncated JSON body
 * @param decision      replace every decision in simulate and dry-run answers with this value
 * @param times         how many matching requests get the fault; empty means every one
 * @param pathPrefix    only requests whose path starts with this; empty means all API paths
 */
public record FaultSettings(Integer latencyMillis, Integer status, Boolean hang, Integer hangMillis, Boolean drop,
                            Boolean malformedJson, String decision, Integer times, String pathPrefix) {
    private static final Set<Integer> STATUSES = Set.of(429, 500, 502, 503);

    public FaultSettings {
        latencyMillis = latencyMillis == null ? 0 : latencyMillis;
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("faults.latencyMillis must not be negative");
        }
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("faults.status must be one of " + STATUSES + ", not " + status);
        }
        hang = hang != null && hang;
        hangMillis = hangMillis == null ? 60_000 : hangMillis;
        drop = drop != null && drop;
        malformedJson = malformedJson != null && malformedJson;
        decision = decision == null ? "" : decision;
        if (times != null && times < 0) {
            throw new IllegalArgumentException("faults.times must not be negative");
        }
        pathPrefix = pathPrefix == null ? "" : pathPrefix;
    }

    public static FaultSettings none() {
        return new FaultSettings(null, null, null, null, null, null, null, null, null);
    }

    public static FaultSettings status(int status) {
        return new FaultSettings(null, status, null, null, null, null, null, null, null);
    }

    public static FaultSettings latency(int millis) {
        return new FaultSettings(millis, null, null, null, null, null, null, null, null);
    }

    public static FaultSettings hanging() {
        return new FaultSettings(null, null, true, null, null, null, null, null, null);
    }

    public static FaultSettings dropping() {
        return new FaultSettings(null, null, null, null, true, null, null, null, null);
    }

    public static FaultSettings malformed() {
        return new FaultSettings(null, null, null, null, null, true, null, null, null);
    }

    public static FaultSettings wrongDecision(String decision) {
        return new FaultSettings(null, null, null, null, null, null, decision, null, null);
    }

    /** The same fault, limited to the next {@code count} matching requests. */
    public FaultSettings times(int count) {
        return new FaultSettings(latencyMillis, status, hang, hangMillis, drop, malformedJson, decision, count,
                pathPrefix);
    }

    /** The same fault, limited to paths starting with {@code prefix}. */
    public FaultSettings onPath(String prefix) {
        return new FaultSettings(latencyMillis, status, hang, hangMillis, drop, malformedJson, decision, times, prefix);
    }
}
