package dev.rollgate.statemachine.runner;

import static dev.rollgate.statemachine.runner.AslFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputOutputProcessingTest {
    private static final String INPUT = """
            {"order": {"id": "o-7", "items": [{"sku": "a", "price": 3}, {"sku": "b", "price": 4.5}]},
             "count": 2, "json": "{\\"k\\": [1, true]}"}""";

    private final WorkflowRunner runner = AslFixture.runner("pass-io.asl.json");

    @Test
    void parametersReadTheEffectiveInputAndTheContextObject() {
        Execution execution = runner.start("io-1", INPUT);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode shaped = execution.output().orElseThrow().get("shaped");
        assertThat(shaped).isEqualTo(json("""
                {"id": "o-7", "static": "kept as is",
                 "nested": {"firstItem": {"sku": "a", "price": 3}, "prices": [3, 4.5]},
                 "executionName": "io-1",
                 "executionId": "arn:aws:states:local:000000000000:execution:fixture:io-1",
                 "executionInput": "o-7",
                 "startTime": "2026-01-01T00:00:00.000Z",
                 "stateName": "Shape",
                 "enteredTime": "2026-01-01T00:00:00.000Z"}"""));
    }

    @Test
    void intrinsicFunctionsAreEvaluatedWithDeterministicIds() {
        JsonNode intrinsics = runner.start("io-2", INPUT).output().orElseThrow().get("intrinsics");

        assertThat(intrinsics).isEqualTo(json("""
                {"greeting": "Order o-7 has 2 items, first a",
                 "escaped": "literal {} and 'x'",
                 "parsed": {"k": [1, true]},
                 "text": "{\\"sku\\":\\"a\\",\\"price\\":3}",
                 "list": [1, "two", 2, 3],
                 "sum": -3,
                 "uuid": "00000000-0000-0000-0000-000000000001",
                 "formattedUuid": "id-00000000-0000-0000-0000-000000000002"}"""));
    }

    @Test
    void resultPathCreatesNestedFieldsAndNullResultPathKeepsTheInput() {
        Execution execution = runner.start("io-3", INPUT);

        JsonNode output = execution.output().orElseThrow();
        assertThat(output.get("deep")).isEqualTo(json("{\"inside\": {\"result\": {\"answer\": 42}}}"));
        assertThat(execution.history(ExecutionEventType.STATE_EXITED).stream()
                .filter(e -> e.stateName().orElseThrow().equals("Discarded")).findFirst().orElseThrow()
                .details().get("output").has("intrinsics")).isTrue();
    }

    @Test
    void outputPathSelectsPartOfTheResult() {
        JsonNode output = runner.start("io-4", INPUT).output().orElseThrow();

        assertThat(output.has("droppedByOutputPath")).isFalse();
        assertThat(output.get("keptInput").asText()).isEqualTo("o-7");
    }

    @Test
    void historyRecordsEveryStateInOrder() {
        Execution execution = runner.start("io-5", INPUT);

        assertThat(execution.statesEntered())
                .containsExactly("Shape", "Intrinsics", "Fixed", "Discarded", "Select", "Done");
        List<ExecutionEvent> history = execution.history();
        assertThat(history.get(0).type()).isEqualTo(ExecutionEventType.EXECUTION_STARTED);
        assertThat(history.get(history.size() - 1).type()).isEqualTo(ExecutionEventType.EXECUTION_SUCCEEDED);
        assertThat(history).extracting(ExecutionEvent::id)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, history.size()).boxed().toList());
    }

    @Test
    void aPathThatSelectsNothingFailsTheExecutionWithStatesRuntimeNamingStateAndPath() {
        Execution execution = runner.start("io-6", "{\"order\": {\"items\": []}, \"count\": 1, \"json\": \"{}\"}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        ExecutionError error = execution.error().orElseThrow();
        assertThat(error.error()).isEqualTo("States.Runtime");
        assertThat(error.cause()).contains("state 'Shape'").contains("$.id");
    }
}
