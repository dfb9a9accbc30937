package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Test data: the ASL fixtures under src/test/resources/asl and a runner set-up with a fixed clock and ids. */
final class AslFixture {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration ONE_DAY = Duration.ofDays(1);

    private AslFixture() {
    }

    static String text(String resource) {
        try (InputStream in = AslFixture.class.getResourceAsStream("/asl/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource asl/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkflowDefinition definition(String resource, Map<String, String> substitutions) {
        return WorkflowDefinition.parse(text(resource), substitutions);
    }

    static WorkflowDefinition definition(String resource) {
        return definition(resource, Map.of());
    }

    static WorkflowRunner runner(WorkflowDefinition definition, TaskHandlers handlers) {
        return WorkflowRunner.builder(definition, handlers)
                .startTime(T0)
                .ids(IdSource.sequential())
                .stateMachineName("fixture")
                .build();
    }

    static WorkflowRunner runner(String resource) {
        return runner(definition(resource), TaskHandlers.builder().build());
    }

    static JsonNode json(String text) {
        return Json.parse(text, "test JSON");
    }

    static String lambdaArn(String function) {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + function;
    }
}
