package dev.rollgate.statemachine.runner;

import static dev.rollgate.statemachine.runner.AslFixture.T0;
import static dev.rollgate.statemachine.runner.AslFixture.json;
import static dev.rollgate.statemachine.runner.AslFixture.lambdaArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExecutionLifecycleTest {
    private final Map<String, AtomicInteger> roundsByRollout = new ConcurrentHashMap<>();

    /** Evaluate answers CONTINUE twice per rollout, then PROMOTE. */
    private final TaskHandler evaluate = input -> {
        int round = roundsByRollout.computeIfAbsent(input.get("rollout").asText(), k -> new AtomicInteger())
                .incrementAndGet();
        return json("{\"decision\": \"" + (round < 3 ? "CONTINUE" : "PROMOTE") + "\", \"round\": "
                + input.get("round").asInt() + "}");
    };

    private WorkflowRunner loopRunner(TaskHandler handler) {
        WorkflowDefinition definition = AslFixture.definition("loop.asl.json",
                Map.of("EvaluateFunctionArn", lambdaArn("Evaluate")));
        return AslFixture.runner(definition, TaskHandlers.builder().bind(lambdaArn("Evaluate"), handler).build());
    }

    private static String input(String rollout, int intervalSeconds) {
        return "{\"rollout\": \"" + rollout + "\", \"intervalSeconds\": " + intervalSeconds + ", \"round\": 0}";
    }

    @Test
    void startingAgainWithTheSameNameAndInputReturnsTheRunningExecution() {
        WorkflowRunner runner = loopRunner(evaluate);
        Execution first = runner.start("rollout-1", input("r1", 60));

        Execution again = runner.start("rollout-1", "{\"round\": 0, \"intervalSeconds\": 60, \"rollout\": \"r1\"}");

        assertThat(again).isSameAs(first);
        assertThat(runner.executions()).hasSize(1);
    }

    @Test
    void startingAgainWithADifferentInputOrAfterTheEndIsExecutionAlreadyExists() {
        WorkflowRunner runner = loopRunner(evaluate);
        Execution execution = runner.start("rollout-1", input("r1", 60));

        assertThatThrownBy(() -> runner.start("rollout-1", input("r2", 60)))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageContaining("different input");
        runner.runUntilSettled(execution, Duration.ofHours(1));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThatThrownBy(() -> runner.start("rollout-1", input("r1", 60)))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageContaining("closed (SUCCEEDED)");
    }

    @Test
    void theObservationLoopRunsOnTheVirtualClockAndCarriesItsState() {
        WorkflowRunner runner = loopRunner(evaluate);
        Execution execution = runner.start("rollout-2", input("r2", 300));

        assertThat(runner.runUntilSettled(execution, Duration.ofHours(1))).isEqualTo(ExecutionStatus.SUCCEEDED);

        assertThat(execution.stopTime()).contains(T0.plusSeconds(900));
        assertThat(execution.output()).contains(json(
                "{\"rollout\": \"r2\", \"intervalSeconds\": 300, \"round\": 3, \"decision\": \"PROMOTE\"}"));
        assertThat(execution.history(ExecutionEventType.TASK_SCHEDULED))
                .extracting(event -> event.timestamp())
                .containsExactly(T0.plusSeconds(300), T0.plusSeconds(600), T0.plusSeconds(900));
    }

    @Test
    void runUntilSettledStopsAtTheHorizon() {
        WorkflowRunner runner = loopRunner(evaluate);
        Execution execution = runner.start("rollout-3", input("r3", 300));

        assertThat(runner.runUntilSettled(execution, Duration.ofSeconds(650))).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(execution.nextWakeUp()).contains(T0.plusSeconds(900));
        assertThat(runner.now()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void twoHundredExecutionsStartedFromManyThreadsAllFinishConsistently() throws Exception {
        WorkflowRunner runner = loopRunner(evaluate);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Execution>> started = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String name = "rollout-" + i;
            int interval = 60 + (i % 7) * 30;
            started.add(pool.submit(() -> runner.start(name, input(name, interval))));
        }
        List<Execution> executions = new ArrayList<>();
        for (Future<Execution> future : started) {
            executions.add(future.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        runner.advanceBy(Duration.ofHours(1));

        assertThat(executions).allSatisfy(execution -> {
            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode output = execution.output().orElseThrow();
            assertThat(output.get("rollout").asText()).isEqualTo(execution.name());
            assertThat(output.get("round").asInt()).isEqualTo(3);
            long interval = output.get("intervalSeconds").asLong();
            assertThat(execution.stopTime()).contains(T0.plusSeconds(3 * interval));
        });
        assertThat(roundsByRollout.values()).allSatisfy(rounds -> assertThat(rounds.get()).isEqualTo(3));
    }

    @Test
    void stopAbortsAnOpenExecutionAndClosesItsWait() {
        WorkflowRunner runner = loopRunner(evaluate);
        Execution execution = runner.start("rollout-4", input("r4", 60));

        assertThat(runner.stop("rollout-4", "Operator.Abort", "stopped by hand")).isTrue();

        assertThat(execution.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(execution.error()).contains(new ExecutionError("Operator.Abort", "stopped by hand"));
        assertThat(execution.nextWakeUp()).isEmpty();
        assertThat(runner.stop("rollout-4", "again", "")).isFalse();
    }

    @Test
    void theDefinitionTimeoutEndsALongExecutionAsTimedOut() {
        TaskHandler neverPromote = input -> json("{\"decision\": \"CONTINUE\", \"round\": 1}");
        WorkflowRunner runner = loopRunner(neverPromote);
        Execution execution = runner.start("rollout-5", input("r5", 3600));

        runner.advanceBy(Duration.ofDays(2));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(execution.stopTime()).contains(T0.plus(Duration.ofDays(1)));
        assertThat(execution.history(ExecutionEventType.TASK_SCHEDULED)).hasSize(23);
    }

    @Test
    void aLoopWithoutWaitingFailsAtTheTransitionLimitInsteadOfSpinning() {
        TaskHandler neverPromote = input -> json("{\"decision\": \"CONTINUE\", \"round\": 1}");
        WorkflowDefinition definition = AslFixture.definition("loop.asl.json",
                Map.of("EvaluateFunctionArn", lambdaArn("Evaluate")));
        WorkflowRunner runner = WorkflowRunner.builder(definition,
                        TaskHandlers.builder().bind(lambdaArn("Evaluate"), neverPromote).build())
                .startTime(T0).maxStateTransitions(100).build();

        Execution execution = runner.start("rollout-6", input("r6", 0));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error().orElseThrow().cause()).contains("more than 100 states");
    }

    @Test
    void aHandlerMayNotMoveTheClock() {
        List<WorkflowRunner> holder = new ArrayList<>();
        WorkflowRunner runner = loopRunner(input -> {
            holder.get(0).advanceBy(Duration.ofSeconds(1));
            return json("{}");
        });
        holder.add(runner);

        Execution execution = runner.start("rollout-7", input("r7", 0));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error().orElseThrow()).isEqualTo(new ExecutionError(
                "java.lang.IllegalStateException", "a task handler must not move the virtual clock"));
    }

    @Test
    void badExecutionNamesAndInputsAreRefusedWithAClearMessage() {
        WorkflowRunner runner = loopRunner(evaluate);

        assertThatThrownBy(() -> runner.start("has space", "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("execution name");
        assertThatThrownBy(() -> runner.start("ok", "{bad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the input of execution 'ok' is not valid JSON");
    }
}
