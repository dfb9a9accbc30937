package dev.rollgate.aws.cordum;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Sends one call with timeouts, retries and a total time budget. Headers and bodies are never logged: the API key
 * travels only in the request header.
 */
final class CordumTransport {
    private static final Logger LOG = LoggerFactory.getLogger(CordumTransport.class);
    private static final Set<Integer> RETRY_STATUSES = Set.of(429, 502, 503);

    private final CordumClientConfig config;
    private final ApiKeySource keys;
    private final Backoff backoff;
    private final HttpClient http;

    CordumTransport(CordumClientConfig config, ApiKeySource keys, Backoff backoff) {
        this.config = config;
        this.keys = keys;
        this.backoff = backoff;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        config.caBundle().ifPresent(pem -> builder.sslContext(TrustedCertificates.fromPemBundle(pem)));
        this.http = builder.build();
    }

    HttpAnswer send(CordumCall call) {
        return send(call, (status, body) -> false);
    }

    /**
     * @param retryAnswer retries an answer the status rules would not (e.g. 200 with a retryable lock code); such
     *                    retries are allowed even for calls that are otherwise not repeated
     */
    HttpAnswer send(CordumCall call, BiPredicate<Integer, String> retryAnswer) {
        long start = System.nanoTime();
        long deadline = start + config.totalBudget().toNanos();
        ApiKey key;
        try {
            key = keys.current();
        } catch (ApiKeyUnavailableException e) {
            LOG.warn("cordum {}: no API key: {}", call.name(), e.getMessage());
            return new HttpAnswer.NoAnswer("API key unavailable: " + e.getMessage(), 0);
        }
        String lastFailure = "";
        HttpAnswer.Received lastAnswer = null;
        int attempt = 0;
        while (true) {
            attempt++;
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            Duration timeout = Duration.ofNanos(Math.min(config.requestTimeout().toNanos(), remaining));
            boolean retry;
            try {
                HttpResponse<String> response = http.send(request(call, key, timeout),
                        HttpResponse.BodyHandlers.ofString());
                lastAnswer = new HttpAnswer.Received(response.statusCode(), response.body(), attempt);
                retry = (call.retryable() && RETRY_STATUSES.contains(response.statusCode()))
                        || retryAnswer.test(response.statusCode(), response.body());
                LOG.debug("cordum {} {} {} -> HTTP {} (attempt {})", call.name(), call.method(), call.path(),
                        response.statusCode(), attempt);
                lastFailure = "HTTP " + response.statusCode();
            } catch (IOException e) {
                lastAnswer = null;
                lastFailure = describe(e, timeout);
                retry = call.retryable();
                LOG.debug("cordum {} {} {} -> {} (attempt {})", call.name(), call.method(), call.path(), lastFailure,
                        attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new HttpAnswer.NoAnswer("interrupted", attempt);
            }
            if (!retry) {
                return lastAnswer != null ? lastAnswer : new HttpAnswer.NoAnswer(lastFailure, attempt);
            }
            if (attempt >= config.maxAttempts()) {
                break;
            }
            Duration pause = backoff.pauseAfter(attempt);
            if (System.nanoTime() + pause.toNanos() >= deadline) {
                break;
            }
            if (!sleep(pause)) {
                return new HttpAnswer.NoAnswer("interrupted", attempt);
            }
        }
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        String summary = (lastFailure.isEmpty() ? "no attempt fitted the time budget" : lastFailure) + " after "
                + Math.min(attempt, config.maxAttempts()) + " attempt(s) in " + elapsedMillis + " ms (budget "
                + config.totalBudget().toMillis() + " ms)";
        LOG.warn("cordum {} {} {} gave up: {}", call.name(), call.method(), call.path(), summary);
        if (lastAnswer != null) {
            return lastAnswer;
        }
        return new HttpAnswer.NoAnswer(summary, attempt);
    }

    private HttpRequest request(CordumCall call, ApiKey key, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.baseUri().toString()
                        .replaceAll("/+$", "") + call.path()))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("X-API-Key", key.reveal())
                .header("X-Tenant-ID", call.tenant());
        config.principalId().ifPresent(p -> builder.header("X-Principal-Id", p));
        call.headers().forEach(builder::header);
        if (call.body().isPresent()) {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body().get()));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static String describe(IOException e, Duration timeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        } else if (e instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        } else if (e instanceof ConnectException) {
            return "connection refused";
        }
        return "connection error (" + e.getClass().getSimpleName() + ")";
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
