package dev.rollgate.statemachine.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceStateTest {
    private static final String INPUT = """
            {"name": "canary-2", "other": "canary-3", "n": 5, "m": 7.5, "flag": true, "yes": true,
             "nothing": null, "at": "2026-01-01T10:00:00Z", "later": "2026-01-01T11:00:00+01:00",
             "notTime": "tomorrow", "star": "a*b"}""";

    /** A Choice with one rule: "Yes" when it matches, else the Default "No". */
    private static String oneRule(String rule) {
        return """
                {"StartAt": "Decide", "States": {
                  "Decide": {"Type": "Choice", "Choices": [%s], "Default": "No"},
                  "Yes": {"Type": "Pass", "Result": "yes", "End": true},
                  "No": {"Type": "Pass", "Result": "no", "End": true}}}""".formatted(rule);
    }

    private static String decide(String ruleWithoutNext) {
        String rule = ruleWithoutNext.substring(0, ruleWithoutNext.length() - 1) + ", \"Next\": \"Yes\"}";
        WorkflowRunner runner = AslFixture.runner(WorkflowDefinition.parse(oneRule(rule), Map.of()),
                TaskHandlers.builder().build());
        Execution execution = runner.start("choice", INPUT);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return execution.output().orElseThrow().asText();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"Variable": "$.name", "StringEquals": "canary-2"}                     | yes
            {"Variable": "$.name", "StringEquals": "canary-3"}                     | no
            {"Variable": "$.name", "StringLessThan": "canary-3"}                   | yes
            {"Variable": "$.name", "StringGreaterThan": "canary-1"}                | yes
            {"Variable": "$.name", "StringLessThanEquals": "canary-2"}             | yes
            {"Variable": "$.name", "StringGreaterThanEquals": "canary-3"}          | no
            {"Variable": "$.name", "StringEqualsPath": "$.other"}                  | no
            {"Variable": "$.name", "StringLessThanPath": "$.other"}                | yes
            {"Variable": "$.name", "StringGreaterThanPath": "$.other"}             | no
            {"Variable": "$.name", "StringLessThanEqualsPath": "$.name"}           | yes
            {"Variable": "$.name", "StringGreaterThanEqualsPath": "$.name"}        | yes
            {"Variable": "$.name", "StringMatches": "canary-*"}                    | yes
            {"Variable": "$.name", "StringMatches": "*-3"}                         | no
            {"Variable": "$.star", "StringMatches": "a\\\\*b"}                     | yes
            {"Variable": "$.name", "StringMatches": "a\\\\*b"}                     | no
            {"Variable": "$.n", "NumericEquals": 5}                                | yes
            {"Variable": "$.n", "NumericEquals": 5.0}                              | yes
            {"Variable": "$.n", "NumericLessThan": 5}                              | no
            {"Variable": "$.n", "NumericGreaterThan": 4.99}                        | yes
            {"Variable": "$.n", "NumericLessThanEquals": 5}                        | yes
            {"Variable": "$.n", "NumericGreaterThanEquals": 6}                     | no
            {"Variable": "$.n", "NumericEqualsPath": "$.m"}                        | no
            {"Variable": "$.n", "NumericLessThanPath": "$.m"}                      | yes
            {"Variable": "$.n", "NumericGreaterThanPath": "$.m"}                   | no
            {"Variable": "$.n", "NumericLessThanEqualsPath": "$.n"}                | yes
            {"Variable": "$.m", "NumericGreaterThanEqualsPath": "$.n"}             | yes
            {"Variable": "$.name", "NumericEquals": 5}                             | no
            {"Variable": "$.flag", "BooleanEquals": true}                          | yes
            {"Variable": "$.flag", "BooleanEquals": false}                         | no
            {"Variable": "$.flag", "BooleanEqualsPath": "$.yes"}                   | yes
            {"Variable": "$.at", "TimestampEquals": "2026-01-01T11:00:00+01:00"}   | yes
            {"Variable": "$.at", "TimestampLessThan": "2026-01-01T10:00:01Z"}      | yes
            {"Variable": "$.at", "TimestampGreaterThan": "2026-01-01T10:00:00Z"}   | no
            {"Variable": "$.at", "TimestampLessThanEquals": "2026-01-01T10:00:00Z"} | yes
            {"Variable": "$.at", "TimestampGreaterThanEquals": "2026-01-02T00:00:00Z"} | no
            {"Variable": "$.at", "TimestampEqualsPath": "$.later"}                 | yes
            {"Variable": "$.at", "TimestampLessThanPath": "$.later"}               | no
            {"Variable": "$.at", "TimestampGreaterThanPath": "$.later"}            | no
            {"Variable": "$.at", "TimestampLessThanEqualsPath": "$.later"}         | yes
            {"Variable": "$.at", "TimestampGreaterThanEqualsPath": "$.later"}      | yes
            {"Variable": "$.notTime", "TimestampEquals": "2026-01-01T10:00:00Z"}   | no
            {"Variable": "$.missing", "IsPresent": true}                           | no
            {"Variable": "$.missing", "IsPresent": false}                          | yes
            {"Variable": "$.nothing", "IsPresent": true}                           | yes
            {"Variable": "$.nothing", "IsNull": true}                              | yes
            {"Variable": "$.n", "IsNull": false}                                   | yes
            {"Variable": "$.n", "IsNumeric": true}                                 | yes
            {"Variable": "$.name", "IsNumeric": true}                              | no
            {"Variable": "$.name", "IsString": true}                               | yes
            {"Variable": "$.flag", "IsBoolean": true}                              | yes
            {"Variable": "$.at", "IsTimestamp": true}                              | yes
            {"Variable": "$.notTime", "IsTimestamp": true}                         | no
            {"And": [{"Variable": "$.n", "NumericEquals": 5}, {"Variable": "$.flag", "BooleanEquals": true}]} | yes
            {"And": [{"Variable": "$.n", "NumericEquals": 5}, {"Variable": "$.flag", "BooleanEquals": false}]} | no
            {"Or": [{"Variable": "$.n", "NumericEquals": 6}, {"Variable": "$.flag", "BooleanEquals": true}]} | yes
            {"Or": [{"Variable": "$.n", "NumericEquals": 6}, {"Variable": "$.flag", "BooleanEquals": false}]} | no
            {"Not": {"Variable": "$.n", "NumericEquals": 6}}                       | yes
            {"Not": {"Variable": "$.n", "NumericEquals": 5}}                       | no
            """)
    void comparisonOperatorsDecideLikeStepFunctions(String rule, String expected) {
        assertThat(decide(rule)).isEqualTo(expected);
    }

    @Test
    void nestedBooleanRulesPickTheFirstMatchingChoiceAndApplyOutputPath() {
        WorkflowRunner runner = AslFixture.runner("choice.asl.json");

        assertThat(runner.start("c1", "{\"evaluation\": {\"decision\": \"PROMOTE\", \"score\": 0.9, \"threshold\": 0.8}}")
                .output()).contains(AslFixture.json("\"promoted\""));
        assertThat(runner.start("c2", "{\"evaluation\": {\"decision\": \"PROMOTE\", \"score\": 0.7, \"threshold\": 0.8, \"errors\": 2}}")
                .output()).contains(AslFixture.json("\"rolled back\""));
        Execution continued = runner.start("c3", "{\"evaluation\": {\"decision\": \"CONTINUE_OBSERVING\"}}");
        assertThat(continued.output()).contains(AslFixture.json("\"CONTINUE_OBSERVING\""));
    }

    @Test
    void noMatchingChoiceWithoutDefaultFailsWithStatesNoChoiceMatched() {
        Execution execution = AslFixture.runner("choice.asl.json")
                .start("c4", "{\"evaluation\": {\"decision\": \"HOLD\", \"errors\": 0}}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error().orElseThrow().error()).isEqualTo("States.NoChoiceMatched");
        assertThat(execution.error().orElseThrow().cause()).contains("state 'Decide'");
    }

    @Test
    void aComparisonOnAMissingVariableIsAStatesRuntimeError() {
        Execution execution = AslFixture.runner("choice.asl.json").start("c5", "{\"evaluation\": {}}");

        assertThat(execution.error().orElseThrow().error()).isEqualTo("States.Runtime");
        assertThat(execution.error().orElseThrow().cause()).contains("$.decision");
    }

    @Test
    void aRuleWithTwoOperatorsIsRejectedWhenTheDefinitionLoads() {
        assertThatThrownBy(() -> WorkflowDefinition.parse(oneRule(
                "{\"Variable\": \"$.n\", \"NumericEquals\": 1, \"NumericLessThan\": 2, \"Next\": \"Yes\"}"), Map.of()))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("state 'Decide' Choices[0]")
                .hasMessageContaining("exactly one operator");
    }
}
