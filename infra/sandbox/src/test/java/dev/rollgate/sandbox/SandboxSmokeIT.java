package dev.rollgate.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.aws.testing.AwsEmulatorExtension;
import dev.rollgate.aws.testing.AwsEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox as a user's script sees it: started headless (console included), driven only through its HTTP
 * endpoints, at high speed. Bounded: each rollout must settle within a few real minutes.
 */
@ExtendWith(AwsEmulatorExtension.class)
class SandboxSmokeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BOUND = Duration.ofMinutes(4);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthyPromotesAndErrorSpikeRollsBackToZero(AwsEndpoint aws) throws Exception {
        SandboxOptions options = new SandboxOptions(DemoScenario.HEALTHY, 3600, 0, 0, aws.endpoint(), true);
        try (Sandbox sandbox = Sandbox.start(options)) {
            String api = "http://127.0.0.1:" + sandbox.apiPort() + "/api/rollouts";
            String healthy = post(api + "?scenario=healthy&agent=smoke-healthy").get("id").asText();
            String spike = post(api + "?scenario=error-spike&agent=smoke-spike").get("id").asText();

            JsonNode healthyEnd = awaitTerminal(api + "/" + healthy);
            JsonNode spikeEnd = awaitTerminal(api + "/" + spike);

            assertThat(healthyEnd.get("status").asText()).isEqualTo("PROMOTED");
            assertThat(healthyEnd.get("aliasWeight").asInt()).isEqualTo(100);
            assertThat(spikeEnd.get("status").asText()).isEqualTo("ROLLED_BACK");
            assertThat(spikeEnd.get("aliasWeight").asInt()).isZero();
            assertThat(spikeEnd.get("commandedWeight").asInt()).isZero();

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + sandbox.consolePort() + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
        }
    }

    private JsonNode awaitTerminal(String url) throws Exception {
        Instant deadline = Instant.now().plus(BOUND);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get(url);
            String status = last.get("status").asText();
            if (status.equals("PROMOTED") || status.equals("ROLLED_BACK") || status.equals("ABORTED")
                    || status.equals("FAILED")) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("rollout did not settle within " + BOUND + "; last " + last);
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private JsonNode post(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
