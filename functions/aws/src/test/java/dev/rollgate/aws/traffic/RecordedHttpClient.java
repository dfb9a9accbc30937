package dev.rollgate.aws.traffic;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An SDK HTTP layer that never touches the network: each request is recorded and answered by a responder
 * (a fake of the service's wire API). Lets unit tests run the real SDK clients, marshalling included, and
 * count the calls a driver makes. Thread-safe.
 */
final class RecordedHttpClient implements SdkHttpClient {

    /** One request as the service would see it; {@code operation} is the X-Amz-Target action or method + path. */
    record Exchange(String method, String path, String operation, String body) {
    }

    /** A wire answer: status, JSON body and headers. */
    record Reply(int status, String body, Map<String, String> headers) {
        static Reply ok(String json) {
            return new Reply(200, json, Map.of());
        }

        /** An AWS JSON error; both the body type and the header carry it, as the protocols expect. */
        static Reply error(int status, String type, String message) {
            return new Reply(status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}",
                    Map.of("x-amzn-ErrorType", type));
        }
    }

    private final Function<Exchange, Reply> responder;
    private final List<Exchange> exchanges = new ArrayList<>();

    RecordedHttpClient(Function<Exchange, Reply> responder) {
        this.responder = responder;
    }

    synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    synchronized List<String> operations() {
        return exchanges.stream().map(Exchange::operation).toList();
    }

    synchronized long count(String operation) {
        return exchanges.stream().filter(e -> e.operation().equals(operation)).count();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                Exchange exchange = new Exchange(request.httpRequest().method().name(),
                        request.httpRequest().encodedPath(), operationOf(request), bodyOf(request));
                synchronized (RecordedHttpClient.this) {
                    exchanges.add(exchange);
                }
                Reply reply = responder.apply(exchange);
                byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
                SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(reply.status())
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Content-Length", Integer.toString(bytes.length));
                reply.headers().forEach(response::putHeader);
                return HttpExecuteResponse.builder().response(response.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes))).build();
            }

            @Override
            public void abort() {
                // answers are immediate; nothing to abort
            }
        };
    }

    @Override
    public String clientName() {
        return "recorded";
    }

    @Override
    public void close() {
        // holds no resources
    }

    private static String operationOf(HttpExecuteRequest request) {
        return request.httpRequest().firstMatchingHeader("X-Amz-Target")
                .map(target -> target.substring(target.indexOf('.') + 1))
                .orElse(request.httpRequest().method().name() + " " + request.httpRequest().encodedPath());
    }

    private static String bodyOf(HttpExecuteRequest request) {
        return request.contentStreamProvider().map(provider -> {
            try (InputStream in = provider.newStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse("");
    }
}
