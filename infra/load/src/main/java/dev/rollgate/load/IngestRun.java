package dev.rollgate.load;

import dev.rollgate.core.workflow.IngestMetricWindow;
import dev.rollgate.core.workflow.IngestOutcome;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Delivers an {@link IngestPlan} through the ingest use case on {@code threads} workers, each taking the next
 * delivery in plan order, as fast as they can. Records every outcome and how many deliveries finished in each
 * second, so a sustained rate can be told from a burst.
 */
final class IngestRun {
    /** @param perSecond deliveries finished in each whole second of the run */
    record Result(IngestOutcome[] outcomes, double seconds, long[] perSecond) {
        double rate() {
            return outcomes.length / seconds;
        }

        /** Rate of the slowest, median and fastest whole second (the last partial second left out). */
        long[] secondRates() {
            long[] full = perSecond.length > 1 ? Arrays.copyOf(perSecond, perSecond.length - 1) : perSecond.clone();
            Arrays.sort(full);
            return full.length == 0 ? new long[] {0, 0, 0} : new long[] {full[0], full[full.length / 2],
                    full[full.length - 1]};
        }
    }

    private IngestRun() {
    }

    static Result run(IngestMetricWindow ingest, String tenant, IngestPlan plan, int threads) throws Exception {
        List<IngestPlan.Delivery> deliveries = plan.deliveries();
        IngestOutcome[] outcomes = new IngestOutcome[deliveries.size()];
        AtomicInteger next = new AtomicInteger();
        ConcurrentHashMap<Long, LongAdder> perSecond = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long begin = System.nanoTime();
        try {
            Future<?>[] workers = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < outcomes.length; i = next.getAndIncrement()) {
                        outcomes[i] = ingest.ingest(tenant, deliveries.get(i).json(), plan.now());
                        long second = (System.nanoTime() - begin) / 1_000_000_000L;
                        perSecond.computeIfAbsent(second, s -> new LongAdder()).increment();
                    }
                });
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long[] buckets = new long[(int) Math.ceil(seconds)];
        perSecond.forEach((s, n) -> buckets[(int) Math.min(buckets.length - 1, s)] += n.sum());
        return new Result(outcomes, seconds, buckets);
    }
}
