package dev.rollgate.aws.cordum;

import com.sun.net.httpserver.HttpServer;
import dev.rollgate.core.policy.PreflightSpec;
import dev.rollgate.core.preflight.CallOutcome;
import dev.rollgate.core.preflight.PolicyDecision;
import dev.rollgate.core.preflight.PolicyEvaluation;
import dev.rollgate.core.preflight.PolicyQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers the stand-in never gives: a changed contract is caught, extra fields are tolerated. */
class ResponseStrictnessTest {
    private static final PolicyQuery QUERY = new PolicyQuery("acme", "job.a", Map.of());
    private final AtomicReference<String> answer = new AtomicReference<>("{}");
    private HttpServer server;
    private HttpCordumClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = new HttpCordumClient(CordumFixture.config(URI.create("http://127.0.0.1:"
                + server.getAddress().getPort())), () -> ApiKey.of("k"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String cause(CallOutcome<?> outcome) {
        assertThat(outcome).isInstanceOf(CallOutcome.Unavailable.class);
        return ((CallOutcome.Unavailable<?>) outcome).cause();
    }

    @Test
    void extraFieldsAreTolerated() {
        answer.set("{\"decision\":\"DECISION_TYPE_ALLOW\",\"reason\":\"ok\",\"ruleId\":\"r\",\"approvalRequired\":false,"
                + "\"approvalRef\":\"\",\"policySnapshot\":\"s\",\"constraints\":{},\"redactedContextPtr\":\"\","
                + "\"remediations\":[],\"newField\":{\"nested\":[1,2]}}");

        assertThat(client.simulate(QUERY)).isInstanceOfSatisfying(CallOutcome.Done.class, done ->
                assertThat(((PolicyEvaluation) done.value()).decision()).isEqualTo(PolicyDecision.ALLOW));
    }

    @Test
    void aMissingDecisionBreaksTheContract() {
        answer.set("{\"reason\":\"ok\",\"approvalRequired\":false}");

        assertThat(cause(client.simulate(QUERY))).contains("malformed response").contains("'decision'");
    }

    @Test
    void aDecisionOfTheWrongTypeBreaksTheContract() {
        answer.set("{\"decision\":3,\"reason\":\"ok\",\"approvalRequired\":false}");

        assertThat(cause(client.simulate(QUERY))).contains("'decision'");
    }

    @Test
    void aMissingApprovalFlagBreaksTheContract() {
        answer.set("{\"decision\":\"DECISION_TYPE_ALLOW\",\"reason\":\"ok\"}");

        assertThat(cause(client.simulate(QUERY))).contains("'approvalRequired'");
    }

    @Test
    void aDryRunWithoutStepsBreaksTheContract() {
        answer.set("{\"workflow_id\":\"wf\"}");

        assertThat(cause(client.dryRun("acme", new PreflightSpec.Workflow("wf", Optional.empty(), Map.of()))))
                .contains("'steps'");
    }

    @Test
    void aRunStartWithoutRunIdBreaksTheContract() {
        answer.set("{\"id\":\"run-1\"}");

        assertThat(cause(client.start(new dev.rollgate.core.preflight.RunStart("acme", "wf", Map.of(), "k", false))))
                .contains("'run_id'");
    }

    @Test
    void aJsonArrayInsteadOfAnObjectBreaksTheContract() {
        answer.set("[]");

        assertThat(cause(client.pending("acme", 10, Optional.empty()))).contains("expected a JSON object");
    }
}
