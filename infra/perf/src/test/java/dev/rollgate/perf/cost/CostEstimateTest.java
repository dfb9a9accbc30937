package dev.rollgate.perf.cost;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CostEstimateTest {
    private static final TemplateMemory MEMORY = TemplateMemory.parse(List.of("Globals:", "  Function:",
            "    MemorySize: 1024", "Resources:", "  EvaluateFunction:", "    Type: AWS::Serverless::Function",
            "    Properties:", "      MemorySize: 2048"));

    @Test
    void eachCountIsPricedWithItsListPrice() {
        // 1,000 invocations billed at 500 ms (p95) on 2 GB: 1,000 GB-s.
        Map<String, FunctionStats> functions = Map.of("EvaluateFunction",
                new FunctionStats(1_000, 300, 300, 500, 600));
        CostEstimate estimate = new CostEstimate(1_000, functions, MEMORY, Map.of(), EventCounts.of(1_000_000, 0));

        Map<String, Double> byService = estimate.byService();
        assertThat(byService.get("Step Functions")).isCloseTo(0.025, within(1e-9));
        assertThat(byService.get("Lambda")).isCloseTo(1_000 * 0.20 / 1e6 + 1_000 * 0.0000166667, within(1e-9));
        assertThat(byService.get("EventBridge")).isCloseTo(1.00, within(1e-9));
        assertThat(estimate.total()).isCloseTo(0.025 + 0.0002 + 0.0166667 + 1.00, within(1e-6));
    }

    @Test
    void shortInvocationsAreBilledAtTheAssumedFloor() {
        FunctionStats fast = new FunctionStats(10, 5, 5, 8, 9);
        assertThat(LambdaBilling.billedMillis(fast)).isEqualTo(LambdaBilling.ASSUMED_FLOOR_MILLIS);
        assertThat(LambdaBilling.gbSeconds(fast, 1024)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theHarnessesOwnReadsAreNotPricedButTheFunctionsAre() {
        java.util.concurrent.atomic.AtomicReference<String> running = new java.util.concurrent.atomic.AtomicReference<>();
        CapacityMeter meter = new CapacityMeter(Map.of(), () -> java.util.Optional.ofNullable(running.get()));
        meter.charge("windows", 1_000_000, 0);
        running.set("EvaluateFunction");
        meter.charge("windows", 2_000_000, 1_000_000);

        CostEstimate estimate = new CostEstimate(0, Map.of(), MEMORY, meter.tallies(), EventCounts.of(0, 0));
        assertThat(estimate.byService().get("DynamoDB")).isCloseTo(2 * 0.125 + 0.625, within(1e-9));
    }
}
