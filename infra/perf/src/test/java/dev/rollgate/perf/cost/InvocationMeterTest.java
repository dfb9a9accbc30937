package dev.rollgate.perf.cost;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvocationMeterTest {
    private final AtomicLong nanos = new AtomicLong();
    private final InvocationMeter meter = new InvocationMeter(nanos::get);

    private void invoke(String function, long tookMillis) {
        meter.started(function);
        nanos.addAndGet(tookMillis * 1_000_000);
        meter.finished(function);
    }

    @Test
    void countsInvocationsAndMeasuresEachDurationPerFunction() {
        invoke("EvaluateFunction", 10);
        invoke("EvaluateFunction", 30);
        invoke("EvaluateFunction", 20);
        invoke("IngestMetricWindowFunction", 5);

        FunctionStats evaluate = meter.stats().get("EvaluateFunction");
        assertThat(evaluate.invocations()).isEqualTo(3);
        assertThat(evaluate.meanMillis()).isEqualTo(20.0);
        assertThat(evaluate.p50Millis()).isEqualTo(20.0);
        assertThat(evaluate.maxMillis()).isEqualTo(30.0);
        assertThat(meter.stats().get("IngestMetricWindowFunction").invocations()).isEqualTo(1);
    }

    @Test
    void tellsWhichFunctionRunsOnThisThreadInnermostFirst() {
        assertThat(meter.current()).isEmpty();
        meter.started("StartRolloutFunction");
        meter.started("PreflightFunction");
        assertThat(meter.current()).contains("PreflightFunction");
        meter.finished("PreflightFunction");
        assertThat(meter.current()).contains("StartRolloutFunction");
        meter.finished("StartRolloutFunction");
        assertThat(meter.current()).isEmpty();
    }

    @Test
    void aFinishThatDoesNotMatchTheRunningFunctionIsAnError() {
        meter.started("EvaluateFunction");
        assertThatThrownBy(() -> meter.finished("PreflightFunction")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PreflightFunction");
    }

    @Test
    void theP95IsTheNearestRankOfTwentyDurations() {
        for (int i = 1; i <= 20; i++) {
            invoke("RollBackFunction", i);
        }
        assertThat(meter.stats().get("RollBackFunction").p95Millis()).isEqualTo(19.0);
    }
}
