package dev.rollgate.lambda.start;

import dev.rollgate.core.state.PageRequest;
import dev.rollgate.lambda.runtime.HandlerFixture;
import dev.rollgate.lambda.runtime.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad start requests from a release pipeline get a refusal naming the field (an INVALID outcome with problems, or
 * an input error for a request that is not a JSON object of strings), and nothing is stored: no rollout, no
 * idempotency key, no execution.
 */
@SuppressWarnings("unchecked")
class StartRolloutBadInputTest {
    private static final String KEY = "pipeline-bad-input";
    private final HandlerFixture fixture = new HandlerFixture();
    private final StartRolloutHandler start = new StartRolloutHandler(() -> fixture.components,
            HandlerFixture.CLOCK, fixture.telemetry);

    @AfterEach
    void nothingWasStored() {
        assertThat(fixture.ports.stores.rollouts().listByTenant("acme", PageRequest.first(10)).items()).isEmpty();
        assertThat(fixture.ports.startedExecutions).isEmpty();
        // The key is still free: the same key with a good request starts a fresh rollout.
        Map<String, Object> out = start.handleRequest(HandlerFixture.startRequest(KEY), null);
        assertThat(out).containsEntry("outcome", "STARTED").containsEntry("replayed", false);
    }

    private List<Object> problemsOf(Consumer<Map<String, Object>> change) {
        Map<String, Object> request = HandlerFixture.startRequest(KEY);
        change.accept(request);
        Map<String, Object> out = start.handleRequest(request, null);
        assertThat(out).containsEntry("outcome", "INVALID");
        return (List<Object>) out.get("problems");
    }

    @Test
    void aMissingIdempotencyKeyIsRefused() {
        assertThat(problemsOf(r -> r.remove("idempotencyKey"))).singleElement().asString()
                .startsWith("idempotencyKey: required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "tab\there", "ünicode", "line\nbreak"})
    void aKeyThatIsBlankOrNotPrintableAsciiIsRefused(String key) {
        assertThat(problemsOf(r -> r.put("idempotencyKey", key))).singleElement().asString()
                .startsWith("idempotencyKey: ");
    }

    @ParameterizedTest
    @ValueSource(ints = {129, 4_096, 1_000_000})
    void anOversizedKeyIsRefused(int length) {
        assertThat(problemsOf(r -> r.put("idempotencyKey", "k".repeat(length)))).singleElement().asString()
                .isEqualTo("idempotencyKey: at most 128 printable ASCII characters without spaces");
    }

    @Test
    void anUnknownPolicyNameIsRefused() {
        assertThat(problemsOf(r -> {
            r.remove("policyYaml");
            r.put("policyName", "no-such-policy");
        })).containsExactly("policyName: unknown policy 'no-such-policy' for tenant acme");
    }

    @Test
    void aPolicyOfAnotherTenantIsUnknownHere() {
        fixture.ports.stores.policies().publish("globex", "shared-name", 0, HandlerFixture.POLICY_YAML, "gary",
                HandlerFixture.NOW);
        assertThat(problemsOf(r -> {
            r.remove("policyYaml");
            r.put("policyName", "shared-name");
        })).containsExactly("policyName: unknown policy 'shared-name' for tenant acme");
    }

    @Test
    void bothOrNeitherPolicyFormIsRefused() {
        assertThat(problemsOf(r -> r.put("policyName", "default")))
                .containsExactly("policy: give exactly one of policyName or policyYaml");
        assertThat(problemsOf(r -> r.remove("policyYaml")))
                .containsExactly("policy: give exactly one of policyName or policyYaml");
    }

    @Test
    void anInvalidInlinePolicyIsRefusedWithItsLinesAndPaths() {
        assertThat(problemsOf(r -> r.put("policyYaml", "stages:\n  - name: c\n    type: canary\n    weight: 150\n  - name: f\n    type: full\n")))
                .anySatisfy(p -> assertThat(p).asString().startsWith("policy: line 4: stages[0].weight: "));
        assertThat(problemsOf(r -> r.put("policyYaml", "stages: [unclosed\n")))
                .singleElement().asString().startsWith("policy: line 1: $: not valid YAML");
    }

    @Test
    void anOversizedInlinePolicyIsRefused() {
        assertThat(problemsOf(r -> r.put("policyYaml", "# pad\n".repeat(30_000) + HandlerFixture.POLICY_YAML)))
                .containsExactly("policyYaml: longer than 131072 bytes");
    }

    @Test
    void anUnknownTenantIsRefused() {
        assertThat(problemsOf(r -> r.put("tenant", "globex"))).containsExactly("tenant: unknown tenant 'globex'");
    }

    @Test
    void oversizedIdentifiersAreRefusedNamingTheField() {
        assertThat(problemsOf(r -> {
            r.put("agent", "a".repeat(600));
            r.put("requester", "r".repeat(600));
        })).containsExactly("agent: longer than 512 bytes", "requester: longer than 512 bytes");
    }

    @Test
    void aBlankKeyIsAnInputErrorNamingIt() {
        Map<String, Object> request = HandlerFixture.startRequest(KEY);
        request.put("idempotencyKey", "  ");
        assertThatThrownBy(() -> start.handleRequest(request, null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("field 'idempotencyKey': expected a non-blank string, got a blank string");
    }

    @Test
    void aRequestThatIsNotAJsonObjectIsAnInputError() {
        assertThatThrownBy(() -> start.handleRequest(null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("start-rollout input: expected a JSON object, got nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "idempotencyKey", "policyYaml", "tenant"})
    void aFieldThatIsAnObjectListOrNumberIsAnInputErrorNamingIt(String field) {
        for (Object wrong : List.<Object>of(Map.of("x", 1), List.of("a"), 7, true)) {
            Map<String, Object> request = HandlerFixture.startRequest(KEY);
            request.put(field, wrong);
            assertThatThrownBy(() -> start.handleRequest(request, null)).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("field '" + field + "': expected a non-blank string");
        }
    }
}
