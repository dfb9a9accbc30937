package dev.rollgate.aws.cordum;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the client talks to Cordum.
 *
 * @param baseUri        e.g. {@code http://localhost:8081}
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout timeout of one attempt, from sending to the last response byte
 * @param totalBudget    time one call may take over all its attempts and backoff pauses
 * @param maxAttempts    attempts of a retryable call, first one included
 * @param initialBackoff backoff cap before the second attempt; doubles per attempt (full jitter below the cap)
 * @param maxBackoff     largest backoff cap
 * @param caBundle       PEM file with the CA certificates to trust for HTTPS (instead of the JDK's)
 * @param principalId    sent as {@code X-Principal-Id} when present (the approver in approve/reject)
 */
public record CordumClientConfig(URI baseUri, Duration connectTimeout, Duration requestTimeout, Duration totalBudget,
                                 int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                                 Optional<Path> caBundle, Optional<String> principalId) {

    /** Environment variables {@link #fromEnvironment} reads; any other {@code CORDUM_*} variable is an error. */
    public static final Set<String> VARIABLES = Set.of("CORDUM_URL", "CORDUM_CONNECT_TIMEOUT_MS",
            "CORDUM_REQUEST_TIMEOUT_MS", "CORDUM_TOTAL_BUDGET_MS", "CORDUM_MAX_ATTEMPTS", "CORDUM_INITIAL_BACKOFF_MS",
            "CORDUM_MAX_BACKOFF_MS", "CORDUM_CA_BUNDLE", "CORDUM_PRINCIPAL_ID", "CORDUM_API_KEY",
            "CORDUM_API_KEY_PARAMETER", "CORDUM_API_KEY_SECRET_ID");

    public CordumClientConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException("Cordum base URL must be http or https, not " + baseUri);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(totalBudget, "totalBudget");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be below initialBackoff");
        }
        Objects.requireNonNull(caBundle, "caBundle");
        Objects.requireNonNull(principalId, "principalId");
    }

    /** Production defaults: 2 s connect, 5 s per attempt, 15 s per call, 4 attempts, backoff 200 ms doubling to 2 s. */
    public static CordumClientConfig defaults(URI baseUri) {
        return new CordumClientConfig(baseUri, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15), 4,
                Duration.ofMillis(200), Duration.ofSeconds(2), Optional.empty(), Optional.empty());
    }

    public CordumClientConfig withTimeouts(Duration connect, Duration request, Duration budget) {
        return new CordumClientConfig(baseUri, connect, request, budget, maxAttempts, initialBackoff, maxBackoff,
                caBundle, principalId);
    }

    public CordumClientConfig withRetries(int attempts, Duration initial, Duration max) {
        return new CordumClientConfig(baseUri, connectTimeout, requestTimeout, totalBudget, attempts, initial, max,
                caBundle, principalId);
    }

    public CordumClientConfig withCaBundle(Path pem) {
        return new CordumClientConfig(baseUri, connectTimeout, requestTimeout, totalBudget, maxAttempts, initialBackoff,
                maxBackoff, Optional.of(pem), principalId);
    }

    public CordumClientConfig withPrincipal(String principal) {
        return new CordumClientConfig(baseUri, connectTimeout, requestTimeout, totalBudget, maxAttempts, initialBackoff,
                maxBackoff, caBundle, Optional.of(principal));
    }

    /**
     * Reads {@code CORDUM_URL} (required) and the optional tuning variables; unset ones take {@link #defaults}.
     * A malformed value or an unknown {@code CORDUM_*} variable is an error naming the variable.
     */
    public static CordumClientConfig fromEnvironment(Map<String, String> env) {
        env.keySet().stream().filter(k -> k.startsWith("CORDUM_") && !VARIABLES.contains(k)).findFirst()
                .ifPresent(k -> {
                    throw new IllegalArgumentException("unknown variable " + k + "; known: " + VARIABLES);
                });
        String url = env.get("CORDUM_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("CORDUM_URL is not set");
        }
        CordumClientConfig d = defaults(URI.create(url.strip()));
        return new CordumClientConfig(d.baseUri,
                millis(env, "CORDUM_CONNECT_TIMEOUT_MS", d.connectTimeout),
                millis(env, "CORDUM_REQUEST_TIMEOUT_MS", d.requestTimeout),
                millis(env, "CORDUM_TOTAL_BUDGET_MS", d.totalBudget),
                (int) number(env, "CORDUM_MAX_ATTEMPTS", d.maxAttempts),
                millis(env, "CORDUM_INITIAL_BACKOFF_MS", d.initialBackoff),
                millis(env, "CORDUM_MAX_BACKOFF_MS", d.maxBackoff),
                Optional.ofNullable(env.get("CORDUM_CA_BUNDLE")).filter(s -> !s.isBlank()).map(Path::of),
                Optional.ofNullable(env.get("CORDUM_PRINCIPAL_ID")).filter(s -> !s.isBlank()));
    }

    private static Duration millis(Map<String, String> env, String name, Duration fallback) {
        return env.containsKey(name) ? Duration.ofMillis(number(env, name, 0)) : fallback;
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
