package dev.rollgate.perf.jmh;

import dev.rollgate.core.judge.StageEvaluation;
import dev.rollgate.core.judge.StageEvaluator;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One evaluation as the workflow's Evaluate step makes it at the end of a 3-hour canary: triggers, the judge score
 * over 20 metrics (Mann-Whitney shift and its confidence interval per metric) and the gates, over 180 windows per
 * variant. Beside it, as the reference, the trigger-only check of the same windows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class StageEvaluationBenchmark {
    private final StageEvaluator evaluator = new StageEvaluator();
    private RolloutPolicy policy;
    private Stage stage;
    private List<MetricWindow> windows;

    @Setup
    public void prepare() {
        policy = JudgeWorkload.policy();
        stage = policy.stage(0);
        windows = JudgeWorkload.windows(42);
        StageEvaluation check = evaluator.evaluate(policy, stage, windows, Duration.ofHours(3));
        if (check.score() == null || check.metrics().size() != 20) {
            throw new IllegalStateException("the workload must judge 20 metrics, judged " + check.metrics().size());
        }
    }

    @Benchmark
    public StageEvaluation evaluateTwentyMetricsOver180WindowsPerVariant() {
        return evaluator.evaluate(policy, stage, windows, Duration.ofHours(3));
    }

    /** The reference beside it: the trigger-only check replay makes at every window between intervals. */
    @Benchmark
    public StageEvaluation checkTriggersOnlyOver180WindowsPerVariant() {
        return evaluator.checkTriggers(policy, stage, windows, Duration.ofHours(3));
    }
}
