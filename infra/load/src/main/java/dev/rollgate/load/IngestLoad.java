package dev.rollgate.load;

import dev.rollgate.core.metrics.WindowParser;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.workflow.IngestMetricWindow;
import dev.rollgate.core.workflow.StartRollout;
import dev.rollgate.core.workflow.StartRolloutOutcome;
import dev.rollgate.core.workflow.StartRolloutRequest;
import dev.rollgate.core.workflow.bind.ParserWindowDecoder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The metric-window ingest load run: a plan of deliveries ({@link IngestPlan}: out of order, late, repeated,
 * changed, invalid) through the {@link IngestMetricWindow} use case on worker threads, with DynamoDB on moto or the
 * in-memory stores; reports windows per second (overall and per whole second), where the time goes (store calls
 * vs. the use case itself), and verifies the result ({@link IngestVerifier}). Exit code 0 only when it verifies.
 *
 * <pre>java -cp rollgate-load.jar dev.rollgate.load.IngestLoad --store memory --windows 200000 --threads 2</pre>
 */
public final class IngestLoad {
    static final String TENANT = "acme";
    static final Instant START = Instant.parse("2026-11-27T00:00:00Z");
    static final String POLICY = """
            name: ingest-load
            rollout_gates:
              min_data_points_per_metric: 30
            """;

    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadArgs options = new LoadArgs(args, Set.of("store", "windows", "rollouts", "threads", "warmup", "seed"));
        LoadStores.Kind kind = LoadStores.parse(options.text("store", "dynamodb"));
        int windows = options.integer("windows", kind == LoadStores.Kind.MEMORY ? 200_000 : 20_000, 100, 5_000_000);
        int rolloutCount = options.integer("rollouts", 50, 1, 10_000);
        int threads = options.integer("threads", 4, 1, 64);
        int warmup = options.integer("warmup", kind == LoadStores.Kind.MEMORY ? 50_000 : 2_000, 0, 1_000_000);
        long seed = options.integer("seed", 20261127, 0, Integer.MAX_VALUE);
        try (LoadStores backend = LoadStores.open(kind, threads * 2)) {
            System.out.printf("ingest load: %d deliveries to %d rollouts, %d threads, %s%n", windows, rolloutCount,
                    threads, backend.describe());
            Result result = run(backend.stores(), windows, rolloutCount, threads, warmup, seed);
            System.exit(result.report().ok() ? 0 : 1);
        }
    }

    /** What one measured run gave. */
    record Result(IngestRun.Result run, IngestVerifier.Report report, Map<String, long[]> storeCalls) {
    }

    static Result run(StateStores stores, int windows, int rolloutCount, int threads, int warmup, long seed)
            throws Exception {
        TimedStores timing = new TimedStores();
        IngestMetricWindow ingest = new IngestMetricWindow(new ParserWindowDecoder(new WindowParser()),
                timing.windows(stores.windows()), timing.rollouts(stores.rollouts()));
        if (warmup > 0) {
            // Same code paths, other rollouts, no invalid deliveries (their counter scope would be shared).
            IngestPlan warm = IngestPlan.build(rollouts(stores, "warmup", Math.min(rolloutCount, 10)), warmup,
                    new IngestPlan.Mix(0.05, 0.02, 0, 0.02, 32), seed + 1, START);
            IngestRun.Result w = IngestRun.run(ingest, TENANT, warm, threads);
            System.out.printf("warm-up: %d deliveries in %.1f s (%.0f/s), not counted%n", warmup, w.seconds(),
                    w.rate());
            timing.reset();
        }
        IngestPlan plan = IngestPlan.build(rollouts(stores, "load", rolloutCount), windows,
                IngestPlan.Mix.standard(), seed, START);
        IngestRun.Result run = IngestRun.run(ingest, TENANT, plan, threads);
        Map<String, long[]> calls = timing.totals();
        long storeNanos = timing.totalNanos();
        IngestVerifier.Report report = IngestVerifier.verify(plan, run.outcomes(), stores.windows(), START);

        long[] seconds = run.secondRates();
        System.out.printf("delivered: %d in %.2f s = %.0f windows/s (whole seconds: slowest %d, median %d,"
                + " fastest %d)%n", run.outcomes().length, run.seconds(), run.rate(), seconds[0], seconds[1],
                seconds[2]);
        System.out.printf("outcomes: %d stored, %d duplicates (same content), rejected by reason %s%n",
                report.stored(), report.duplicates(), report.rejectedByReason());
        double busyNanos = run.seconds() * 1e9 * threads;
        System.out.printf("where the time goes (summed over %d workers, %.1f s busy):%n", threads, busyNanos / 1e9);
        calls.forEach((call, v) -> System.out.printf(Locale.ROOT, "  %-24s %8d calls, %8.3f ms each, %5.1f %%%n",
                call, v[0], v[1] / 1e6 / Math.max(1, v[0]), 100.0 * v[1] / busyNanos));
        System.out.printf(Locale.ROOT, "  %-24s %8s        %8.3f ms per delivery, %5.1f %%%n", "use case itself", "",
                (busyNanos - storeNanos) / 1e6 / run.outcomes().length, 100.0 * (busyNanos - storeNanos) / busyNanos);
        System.out.printf("verified: %d distinct windows, %d stored items read back%n", report.identities(),
                report.storedItems());
        report.problems().forEach(p -> System.out.println("PROBLEM " + p));
        System.out.println(report.ok() ? "RESULT: PASS (every window stored exactly once or rejected with a counted"
                + " reason)" : "RESULT: FAIL");
        return new Result(run, report, calls);
    }

    /** Rollouts to route to, started through the start use case; no workflow runs (ingest is measured alone). */
    static List<String> rollouts(StateStores stores, String prefix, int count) {
        StartRollout start = new StartRollout(stores.starts(), stores.policies(), (name, id) -> "local:" + name,
                StartRollout.anyTenant());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StartRolloutOutcome outcome = start.start(new StartRolloutRequest(TENANT, prefix + "-agent-" + i, "v2",
                    "v1", "alice", null, POLICY, prefix + "-" + i + "-" + System.nanoTime()), START);
            if (!(outcome instanceof StartRolloutOutcome.Started s)) {
                throw new IllegalStateException("rollout " + i + " did not start: " + outcome);
            }
            ids.add(s.rolloutId());
        }
        return ids;
    }
}
