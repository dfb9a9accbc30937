package dev.rollgate.perf.cost;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Prints the benchmark's tables as Markdown, so they can go into docs/performance-cost.md as they are. */
final class CostReport {
    private CostReport() {
    }

    static void print(PrintStream out, Path policyFile, CostBenchmark.Run run, long transitions,
                      Map<String, FunctionStats> functions, TemplateMemory memory, EventCounts events,
                      CostEstimate estimate) {
        out.printf(Locale.ROOT, "## One rollout: %s, healthy candidate%n%n", policyFile);
        out.printf(Locale.ROOT, "Outcome %s at %d %% after %s of virtual time (%.1f s wall); metric-window table "
                        + "%s, every other table on moto; prices %s, %s.%n%n",
                run.rollout().state().status(), run.rollout().state().trafficWeight(), run.virtualTime(),
                run.wallTime().toMillis() / 1000.0, run.windowStore(), Prices.REGION, Prices.AS_OF);

        out.println("### Step Functions state transitions by state");
        out.println();
        out.println("| State | Transitions |");
        out.println("|---|---:|");
        StateTransitions.byState(run.execution().history())
                .forEach((s, n) -> out.printf(Locale.ROOT, "| %s | %d |%n", s, n));
        out.printf(Locale.ROOT, "| **total** | **%d** |%n%n", transitions);

        out.println("### Lambda invocations (durations measured in-process against moto)");
        out.println();
        out.println("| Function | Invocations | Mean ms | p50 ms | p95 ms | Billed ms | MB | GB-s |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        functions.forEach((f, s) -> out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.0f | %d | %.1f |%n",
                f, s.invocations(), s.meanMillis(), s.p50Millis(), s.p95Millis(), LambdaBilling.billedMillis(s),
                memory.megabytes(f), LambdaBilling.gbSeconds(s, memory.megabytes(f))));
        out.printf(Locale.ROOT, "%nBilled ms: the larger of the measured p95 and an assumed %.0f ms floor.%n%n",
                LambdaBilling.ASSUMED_FLOOR_MILLIS);

        out.println("### DynamoDB request units (computed from item sizes; moto's ConsumedCapacity beside)");
        out.println();
        out.println("| Function | Table | Operations | Read units | Write units | moto reported |");
        out.println("|---|---|---:|---:|---:|---:|");
        run.capacity().tallies().forEach((f, byTable) -> byTable.forEach((t, tally) -> out.printf(Locale.ROOT,
                "| %s | %s | %d | %.1f | %.1f | %.1f |%n", f, shortTable(t), tally.calls(), tally.readUnits(),
                tally.writeUnits(), tally.reportedUnits())));
        out.printf(Locale.ROOT, "%n%s rows are the traffic simulator's own reads: not rollgate's cost, not priced.%n%n",
                CapacityMeter.HARNESS);

        out.println("### EventBridge");
        out.println();
        out.printf(Locale.ROOT, "Metric windows put %d, lifecycle events put %d, rule matches %d.%n%n",
                events.metricWindowsPut(), events.lifecycleEventsPut(), events.ruleMatches());

        out.println("### Estimate per rollout");
        out.println();
        out.println("| Service | Item | Quantity | US$ |");
        out.println("|---|---|---:|---:|");
        estimate.lines().forEach(l -> out.printf(Locale.ROOT, "| %s | %s | %.1f | %.5f |%n", l.service(), l.item(),
                l.quantity(), l.dollars()));
        estimate.byService().forEach((s, d) -> out.printf(Locale.ROOT, "| **%s** | | | **%.5f** |%n", s, d));
        out.printf(Locale.ROOT, "| **total** | | | **%.4f** |%n", estimate.total());
    }

    /** The table's name without the run's random prefix. */
    private static String shortTable(String table) {
        int dash = table.lastIndexOf('-');
        return dash < 0 ? table : table.substring(dash + 1);
    }
}
