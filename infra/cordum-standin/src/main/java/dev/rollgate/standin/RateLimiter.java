package dev.rollgate.standin;

import java.util.HashMap;
import java.util.Map;

/** A token bucket per tenant, like Cordum's per-tenant limit (about 30 rps, burst 60). */
final class RateLimiter {
    private final double perSecond;
    private final int burst;
    private final Map<String, double[]> buckets = new HashMap<>();

    RateLimiter(StandInConfig.RateLimit limit) {
        this.perSecond = limit.perSecond();
        this.burst = limit.burst();
    }

    synchronized boolean tryAcquire(String tenant) {
        long now = System.nanoTime();
        double[] bucket = buckets.computeIfAbsent(tenant, t -> new double[]{burst, now});
        double refill = (now - (long) bucket[1]) / 1e9 * perSecond;
        bucket[0] = Math.min(burst, bucket[0] + refill);
        bucket[1] = now;
        if (bucket[0] < 1) {
            return false;
        }
        bucket[0] -= 1;
        return true;
    }
}
