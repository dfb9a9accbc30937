package dev.rollgate.aws.cordum;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP call to Cordum.
 *
 * @param name      short name for logs and failure causes, e.g. {@code policy simulate}
 * @param method    GET or POST
 * @param path      path below the base URL, already encoded
 * @param tenant    {@code X-Tenant-ID}
 * @param body      JSON body, empty for none
 * @param headers   extra headers (e.g. {@code Idempotency-Key})
 * @param retryable whether the call may be repeated on 429/502/503 and connection errors
 */
record CordumCall(String name, String method, String path, String tenant, Optional<String> body,
                  Map<String, String> headers, boolean retryable) {
    CordumCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }
}
