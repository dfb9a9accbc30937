package dev.rollgate.perf.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One rollout's counted usage, priced with {@link Prices}. */
public final class CostEstimate {
    /** One priced line: the service, what was counted, how many, and what it costs. */
    public record Line(String service, String item, double quantity, double dollars) {
    }

    private final List<Line> lines = new ArrayList<>();

    /**
     * @param transitions billable Step Functions state transitions
     * @param functions   invocations and durations per function (the harness's own work is not in it)
     * @param memory      memory sizes from template.yaml
     * @param capacity    request units per function and table, the harness bucket left out
     * @param events      EventBridge events
     */
    public CostEstimate(long transitions, Map<String, FunctionStats> functions, TemplateMemory memory,
                        Map<String, Map<String, CapacityMeter.Tally>> capacity, EventCounts events) {
        lines.add(new Line("Step Functions", "state transitions", transitions,
                transitions * Prices.STEP_FUNCTIONS_PER_STATE_TRANSITION));
        long invocations = functions.values().stream().mapToLong(FunctionStats::invocations).sum();
        lines.add(new Line("Lambda", "requests", invocations, invocations * Prices.LAMBDA_PER_REQUEST));
        functions.forEach((f, s) -> {
            double gbs = LambdaBilling.gbSeconds(s, memory.megabytes(f));
            lines.add(new Line("Lambda", "GB-s " + f, gbs, gbs * Prices.LAMBDA_PER_GB_SECOND));
        });
        double reads = 0;
        double writes = 0;
        for (Map.Entry<String, Map<String, CapacityMeter.Tally>> e : capacity.entrySet()) {
            if (e.getKey().equals(CapacityMeter.HARNESS)) {
                continue;
            }
            for (CapacityMeter.Tally t : e.getValue().values()) {
                reads += t.readUnits();
                writes += t.writeUnits();
            }
        }
        lines.add(new Line("DynamoDB", "read request units", reads, reads * Prices.DYNAMODB_PER_READ_REQUEST_UNIT));
        lines.add(new Line("DynamoDB", "write request units", writes,
                writes * Prices.DYNAMODB_PER_WRITE_REQUEST_UNIT));
        lines.add(new Line("EventBridge", "events put (windows + lifecycle)", events.eventsPut(),
                events.eventsPut() * Prices.EVENTBRIDGE_PER_CUSTOM_EVENT));
        lines.add(new Line("EventBridge", "rule matches", events.ruleMatches(),
                events.ruleMatches() * Prices.EVENTBRIDGE_PER_RULE_MATCH));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public double total() {
        return lines.stream().mapToDouble(Line::dollars).sum();
    }

    /** Dollars per service, in the order the lines name them. */
    public Map<String, Double> byService() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        lines.forEach(l -> out.merge(l.service(), l.dollars(), Double::sum));
        return out;
    }
}
