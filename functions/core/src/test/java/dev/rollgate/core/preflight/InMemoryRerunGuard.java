package dev.rollgate.core.preflight;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A rerun guard in a map: the same first-claim-wins rules as the DynamoDB one. */
public final class InMemoryRerunGuard implements RerunGuard {
    private static final String CLAIMED = "";
    private final ConcurrentMap<String, String> newRunByKey = new ConcurrentHashMap<>();

    @Override
    public RerunClaim claim(String rolloutId, String runId, String fromStep) {
        String existing = newRunByKey.putIfAbsent(key(rolloutId, runId, fromStep), CLAIMED);
        if (existing == null) {
            return new RerunClaim.Granted();
        }
        return existing.equals(CLAIMED) ? new RerunClaim.InFlight() : new RerunClaim.AlreadyStarted(existing);
    }

    @Override
    public void recordNewRun(String rolloutId, String runId, String fromStep, String newRunId) {
        if (!newRunByKey.replace(key(rolloutId, runId, fromStep), CLAIMED, newRunId)) {
            throw new IllegalStateException("no open rerun claim for rollout " + rolloutId + " run " + runId);
        }
    }

    @Override
    public void release(String rolloutId, String runId, String fromStep) {
        newRunByKey.remove(key(rolloutId, runId, fromStep), CLAIMED);
    }

    public Optional<String> recordedRun(String rolloutId, String runId, String fromStep) {
        return Optional.ofNullable(newRunByKey.get(key(rolloutId, runId, fromStep))).filter(v -> !v.equals(CLAIMED));
    }

    private static String key(String rolloutId, String runId, String fromStep) {
        return rolloutId.length() + ":" + rolloutId + "|" + runId.length() + ":" + runId + "|" + fromStep;
    }
}
