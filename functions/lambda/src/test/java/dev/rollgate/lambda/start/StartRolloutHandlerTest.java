package dev.rollgate.lambda.start;

import dev.rollgate.lambda.runtime.HandlerFixture;
import dev.rollgate.lambda.runtime.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The entry point a release pipeline invokes. */
@SuppressWarnings("unchecked")
class StartRolloutHandlerTest {
    private final HandlerFixture fixture = new HandlerFixture();
    private final StartRolloutHandler start = new StartRolloutHandler(() -> fixture.components,
            HandlerFixture.CLOCK, fixture.telemetry);

    @Test
    void startsOneExecutionNamedAfterTheRollout() {
        Map<String, Object> out = start.handleRequest(HandlerFixture.startRequest("pipeline-77"), null);

        assertThat(out).containsEntry("outcome", "STARTED").containsEntry("replayed", false);
        String rolloutId = (String) out.get("rolloutId");
        assertThat(fixture.ports.startedExecutions).containsExactly(Map.entry(rolloutId, rolloutId));
        assertThat((String) out.get("executionArn")).endsWith(":" + rolloutId);
    }

    @Test
    void theSameKeyAgainReturnsTheFirstRolloutAsReplayed() {
        Map<String, Object> first = start.handleRequest(HandlerFixture.startRequest("pipeline-78"), null);

        Map<String, Object> again = start.handleRequest(HandlerFixture.startRequest("pipeline-78"), null);

        assertThat(again).containsEntry("replayed", true).containsEntry("rolloutId", first.get("rolloutId"));
        assertThat(fixture.ports.startedExecutions).hasSize(1);
    }

    @Test
    void theSameKeyForADifferentReleaseIsAConflict() {
        start.handleRequest(HandlerFixture.startRequest("pipeline-79"), null);
        Map<String, Object> other = HandlerFixture.startRequest("pipeline-79");
        other.put("candidateVersion", "43");

        Map<String, Object> out = start.handleRequest(other, null);

        assertThat(out).containsEntry("outcome", "KEY_CONFLICT");
    }

    @Test
    void missingFieldsAreAllNamedAtOnce() {
        Map<String, Object> request = HandlerFixture.startRequest("pipeline-80");
        request.remove("agent");
        request.remove("requester");

        Map<String, Object> out = start.handleRequest(request, null);

        assertThat(out).containsEntry("outcome", "INVALID");
        assertThat((List<Object>) out.get("problems")).contains("agent: required", "requester: required");
        assertThat(fixture.ports.startedExecutions).isEmpty();
    }

    @Test
    void aTenantThisInstallationDoesNotServeIsRefused() {
        Map<String, Object> request = HandlerFixture.startRequest("pipeline-81");
        request.put("tenant", "globex");

        Map<String, Object> out = start.handleRequest(request, null);

        assertThat((List<Object>) out.get("problems")).contains("tenant: unknown tenant 'globex'");
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedNamingTheField() {
        Map<String, Object> request = HandlerFixture.startRequest("pipeline-82");
        request.put("candidateVersion", 42);

        assertThatThrownBy(() -> start.handleRequest(request, null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("field 'candidateVersion': expected a non-blank string, got a Integer");
    }
}
