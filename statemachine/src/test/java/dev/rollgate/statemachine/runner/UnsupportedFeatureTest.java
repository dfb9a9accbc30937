package dev.rollgate.statemachine.runner;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnsupportedFeatureTest {

    private static String withState(String state) {
        return "{\"StartAt\": \"S\", \"States\": {\"S\": " + state + ", \"End\": {\"Type\": \"Succeed\"}}}";
    }

    @Test
    void aParallelStateIsRefusedNamingTheStateAndTheType() {
        assertThatThrownBy(() -> AslFixture.definition("unsupported-parallel.asl.json"))
                .isInstanceOf(UnsupportedAslFeatureException.class)
                .hasMessage("state 'FanOut': unsupported ASL feature: state type 'Parallel'");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"Type": "Map", "ItemProcessor": {}, "Next": "End"} | state 'S': unsupported ASL feature: state type 'Map'
            {"Type": "Pass", "Assign": {"x": 1}, "Next": "End"} | state 'S': unsupported ASL feature: field 'Assign' in a Pass state
            {"Type": "Task", "Resource": "r", "Credentials": {}, "Next": "End"} | state 'S': unsupported ASL feature: field 'Credentials' in a Task state
            {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "Next": "End"} | state 'S': unsupported ASL feature: the .sync integration pattern (arn:aws:states:::ecs:runTask.sync)
            {"Type": "Choice", "Choices": [{"Variable": "$.a", "StringContains": "x", "Next": "End"}]} | state 'S' Choices[0].StringContains: unsupported ASL feature: choice operator 'StringContains'
            {"Type": "Pass", "Parameters": {"a.$": "States.Hash($.x, 'SHA-1')"}, "Next": "End"} | state 'S' Parameters.a.$: unsupported ASL feature: intrinsic function 'States.Hash'
            {"Type": "Task", "Resource": "r", "Retry": [{"ErrorEquals": ["States.ALL"], "JitterStrategy": "FULL"}], "Next": "End"} | state 'S' Retry[0]: unsupported ASL feature: JitterStrategy 'FULL' (only NONE)
            {"Type": "Pass", "ResultPath": "$.list[0]", "Next": "End"} | state 'S' ResultPath: unsupported ASL feature: ResultPath '$.list[0]' (only $ and field paths like $.a.b or $['a'] are supported)
            {"Type": "Pass", "Next": "End", "QueryLanguage": "JSONata"} | state 'S': unsupported ASL feature: field 'QueryLanguage' in a Pass state
            """)
    void everyUnsupportedFeatureIsRefusedWhenTheDefinitionLoads(String state, String message) {
        assertThatThrownBy(() -> WorkflowDefinition.parse(withState(state), Map.of()))
                .isInstanceOf(UnsupportedAslFeatureException.class)
                .hasMessage(message);
    }

    @Test
    void anUnknownTopLevelFieldIsRefused() {
        assertThatThrownBy(() -> WorkflowDefinition.parse(
                "{\"StartAt\": \"S\", \"Extra\": 1, \"States\": {\"S\": {\"Type\": \"Succeed\"}}}", Map.of()))
                .isInstanceOf(UnsupportedAslFeatureException.class)
                .hasMessage("definition: unsupported ASL feature: top-level field 'Extra'");
    }

    @Test
    void aTransitionToAMissingStateIsAnInvalidDefinition() {
        assertThatThrownBy(() -> WorkflowDefinition.parse(withState("{\"Type\": \"Pass\", \"Next\": \"Nowhere\"}"),
                Map.of()))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage("state 'S' Next: 'Nowhere' is not a state of this definition");
    }

    @Test
    void placeholdersWithoutValuesAndValuesWithoutPlaceholdersAreErrors() {
        String definition = withState("{\"Type\": \"Task\", \"Resource\": \"${FnArn}\", \"Next\": \"End\"}");

        assertThatThrownBy(() -> WorkflowDefinition.parse(definition, Map.of()))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage("the definition uses substitutions without a value: [FnArn]");
        assertThatThrownBy(() -> WorkflowDefinition.parse(definition, Map.of("FnArn", "a", "Typo", "b")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage("substitutions not used by the definition: [Typo]");
    }

    @Test
    void aTaskWithoutABoundHandlerIsRefusedWhenTheRunnerIsBuilt() {
        WorkflowDefinition definition = WorkflowDefinition.parse(
                withState("{\"Type\": \"Task\", \"Resource\": \"arn:fn\", \"Next\": \"End\"}"), Map.of());

        assertThatThrownBy(() -> AslFixture.runner(definition, TaskHandlers.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Task state 'S' needs a handler bound to 'arn:fn'");
    }
}
