package dev.rollgate.lambda.runtime;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP client that never touches the network: every request gets {@code 200} with the same JSON body. SnapStart
 * priming sends the handlers' SDK operations through it, so marshalling, endpoint rules, signing and response
 * parsing are loaded and warmed before the snapshot without a request leaving the sandbox.
 */
final class CannedHttpClient implements SdkHttpClient {
    private final byte[] body;

    CannedHttpClient(String json) {
        this.body = json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", String.valueOf(body.length)).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
            }

            @Override
            public void abort() {
                // nothing in flight
            }
        };
    }

    @Override
    public String clientName() {
        return "rollgate-priming";
    }

    @Override
    public void close() {
        // holds no resources
    }
}
