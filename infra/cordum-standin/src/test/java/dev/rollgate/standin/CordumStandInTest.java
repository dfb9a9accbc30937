package dev.rollgate.standin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stand-in's own controls; the Cordum contract itself is tested through the client in functions/aws. */
class CordumStandInTest {
    private final CordumStandIn standIn = CordumStandIn.startOnLoopback(StandInConfig.example());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stop() {
        standIn.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(standIn.baseUri() + path))
                .header("X-API-Key", "standin-admin-key").header("X-Tenant-ID", "acme")
                .timeout(Duration.ofSeconds(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopbackOnAnEphemeralPort() {
        assertThat(standIn.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(standIn.port()).isPositive();
    }

    @Test
    void faultsCanBeSwitchedAtRunTimeThroughTheAdminEndpoint() throws Exception {
        HttpResponse<String> set = post("/__standin/faults", "{\"status\": 503, \"times\": 1}");
        HttpResponse<String> faulted = post("/api/v1/policy/simulate", "{\"topic\": \"job.support.reply\"}");
        HttpResponse<String> healthy = post("/api/v1/policy/simulate", "{\"topic\": \"job.support.reply\"}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(faulted.statusCode()).isEqualTo(503);
        assertThat(faulted.body()).contains("\"code\":\"unavailable\"").contains("\"status\":503");
        assertThat(healthy.statusCode()).isEqualTo(200);
        assertThat(healthy.body()).contains("DECISION_TYPE_ALLOW");
    }

    @Test
    void adminRequestsAreNotRecordedAndCredentialsAreNeverKept() throws Exception {
        post("/__standin/faults", "{}");
        post("/api/v1/policy/simulate", "{\"topic\": \"job.support.reply\"}");

        assertThat(standIn.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/api/v1/policy/simulate");
            assertThat(r.headers()).doesNotContainKeys("x-api-key", "authorization");
            assertThat(r.header("X-Tenant-ID")).isEqualTo("acme");
        });
    }

    @Test
    void aDroppedConnectionGivesTheClientNoAnswer() {
        standIn.setFaults(FaultSettings.dropping());

        assertThatThrownBy(() -> post("/api/v1/policy/simulate", "{\"topic\": \"job.support.reply\"}"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void malformedJsonFaultCutsTheBody() throws Exception {
        standIn.setFaults(FaultSettings.malformed());

        HttpResponse<String> response = post("/api/v1/policy/simulate", "{\"topic\": \"job.support.reply\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotEndWith("}");
    }

    @Test
    void theRateLimitAnswers429RateLimitedWithoutRetryAfter() throws Exception {
        try (CordumStandIn limited = CordumStandIn.startOnLoopback(StandInConfig.parse("""
                apiKeys: [{key: k, tenant: acme}]
                rateLimit: {perSecond: 0.001, burst: 2}
                """, false, "inline"))) {
            HttpResponse<String> last = null;
            for (int i = 0; i < 3; i++) {
                last = http.send(HttpRequest.newBuilder(URI.create(limited.baseUri() + "/api/v1/approvals"))
                        .header("X-API-Key", "k").GET().build(), HttpResponse.BodyHandlers.ofString());
            }
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(last.body()).contains("\"code\":\"rate_limited\"");
            assertThat(last.headers().firstValue("Retry-After")).isEmpty();
        }
    }

    @Test
    void runStatusCanBeChangedForConcurrencyTests() throws Exception {
        HttpResponse<String> started = post("/api/v1/workflows/wf-support/runs", "{\"ticket\": \"T-1\"}");
        String runId = started.body().replaceAll(".*\"run_id\":\"([^\"]+)\".*", "$1");

        assertThat(standIn.setRunStatus(runId, "succeeded")).isTrue();
        assertThat(standIn.run(runId)).hasValueSatisfying(run -> assertThat(run).containsEntry("status", "succeeded"));
        assertThatThrownBy(() -> standIn.setRunStatus(runId, "done")).isInstanceOf(IllegalArgumentException.class);
    }
}
