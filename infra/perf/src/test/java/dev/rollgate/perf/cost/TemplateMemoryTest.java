package dev.rollgate.perf.cost;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateMemoryTest {
    private static final List<String> TEMPLATE = List.of(
            "Globals:",
            "  Function:",
            "    Runtime: java17",
            "    MemorySize: 1024",
            "",
            "Resources:",
            "  # a comment",
            "  EvaluateFunction:",
            "    Type: AWS::Serverless::Function",
            "    Properties:",
            "      Handler: x::y",
            "      MemorySize: 2048",
            "  IngestMetricWindowFunction:",
            "    Type: AWS::Serverless::Function",
            "    Properties:",
            "      Handler: x::z",
            "  RolloutsTable:",
            "    Type: AWS::DynamoDB::Table");

    @Test
    void aFunctionsOwnMemorySizeWinsOverTheGlobalOne() {
        TemplateMemory memory = TemplateMemory.parse(TEMPLATE);
        assertThat(memory.megabytes("EvaluateFunction")).isEqualTo(2048);
        assertThat(memory.megabytes("IngestMetricWindowFunction")).isEqualTo(1024);
    }

    @Test
    void aNameThatIsNoFunctionOfTheTemplateIsAnError() {
        TemplateMemory memory = TemplateMemory.parse(TEMPLATE);
        assertThatThrownBy(() -> memory.megabytes("RolloutsTable")).hasMessageContaining("RolloutsTable");
        assertThatThrownBy(() -> memory.megabytes("NoSuchFunction")).hasMessageContaining("NoSuchFunction");
    }

    @Test
    void aTemplateWithoutAGlobalMemorySizeIsAnError() {
        assertThatThrownBy(() -> TemplateMemory.parse(List.of("Resources:", "  F:", "    Type: AWS::Serverless::Function")))
                .hasMessageContaining("Globals");
    }
}
