package dev.rollgate.aws.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * THE ONE PLACE where the CodeDeploy integration tests deviate from moto (5.2.1):
 * <ul>
 *   <li>calls moto does not implement (deployment configs, StopDeployment, hook status) are answered by a
 *       recorded fake; its side is asserted by the unit test {@code CodeDeployTrafficDriverTest}, here it
 *       only keeps the driver's flow going;</li>
 *   <li>moto's GetDeployment writes {@code createTime} as an ISO-8601 string where the CodeDeploy JSON
 *       protocol has epoch seconds, which the SDK cannot read; those timestamps are rewritten, the rest
 *       of moto's answer is passed through unchanged.</li>
 * </ul>
 * Every other call goes to moto over the network unchanged.
 */
final class MotoCodeDeployGaps implements SdkHttpClient {
    static final Set<String> NOT_IN_MOTO = Set.of("GetDeploymentConfig", "CreateDeploymentConfig", "StopDeployment",
            "PutLifecycleEventHookExecutionStatus");

    private final SdkHttpClient moto;
    private final RecordedHttpClient gaps;

    MotoCodeDeployGaps(SdkHttpClient moto) {
        this.moto = moto;
        FakeCodeDeploy configs = new FakeCodeDeploy();
        this.gaps = new RecordedHttpClient(exchange -> exchange.operation().equals("StopDeployment")
                ? RecordedHttpClient.Reply.ok("{\"status\":\"Succeeded\",\"statusMessage\":\"stopped\"}")
                : configs.apply(exchange));
    }

    /** What was answered by the fake instead of moto. */
    RecordedHttpClient gaps() {
        return gaps;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String operation = request.httpRequest().firstMatchingHeader("X-Amz-Target")
                .map(t -> t.substring(t.indexOf('.') + 1)).orElse("");
        if (NOT_IN_MOTO.contains(operation)) {
            return gaps.prepareRequest(request);
        }
        ExecutableHttpRequest call = moto.prepareRequest(request);
        return operation.equals("GetDeployment") ? new EpochTimestamps(call) : call;
    }

    /** Rewrites moto's ISO-8601 deployment timestamps to the epoch seconds the JSON protocol carries. */
    private static final class EpochTimestamps implements ExecutableHttpRequest {
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final List<String> TIMESTAMPS = List.of("createTime", "startTime", "completeTime");
        private final ExecutableHttpRequest call;

        EpochTimestamps(ExecutableHttpRequest call) {
            this.call = call;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            HttpExecuteResponse response = call.call();
            if (response.responseBody().isEmpty() || !response.httpResponse().isSuccessful()) {
                return response;
            }
            JsonNode body;
            try (InputStream in = response.responseBody().get()) {
                body = JSON.readTree(in);
            }
            JsonNode info = body.path("deploymentInfo");
            if (info instanceof ObjectNode fields) {
                for (String name : TIMESTAMPS) {
                    JsonNode value = fields.get(name);
                    if (value != null && value.isTextual()) {
                        fields.put(name, Instant.parse(value.asText()).toEpochMilli() / 1000.0);
                    }
                }
            }
            byte[] bytes = JSON.writeValueAsBytes(body);
            return HttpExecuteResponse.builder()
                    .response(response.httpResponse().toBuilder()
                            .putHeader("Content-Length", Integer.toString(bytes.length))
                            .removeHeader("x-amz-crc32").build())
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes))).build();
        }

        @Override
        public void abort() {
            call.abort();
        }
    }

    @Override
    public String clientName() {
        return "moto-with-codedeploy-gaps";
    }

    @Override
    public void close() {
        moto.close();
    }
}
