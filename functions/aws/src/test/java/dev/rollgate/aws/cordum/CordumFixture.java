package dev.rollgate.aws.cordum;

import dev.rollgate.standin.CordumStandIn;
import dev.rollgate.standin.StandInConfig;

import java.net.URI;
import java.time.Duration;

/**
 * Stand-in servers and clients. Contract tests get roomy timeouts (a cold JVM on a busy machine is slow to answer
 * its first request); fault tests use {@link #quickConfig} so timeouts and retries stay short.
 */
public final class CordumFixture {
    public static final String ADMIN_KEY = "standin-admin-key";
    public static final String ACME_KEY = "standin-acme-key";
    public static final String TENANT = "acme";
    public static final int ATTEMPTS = 3;
    public static final Duration QUICK_REQUEST_TIMEOUT = Duration.ofMillis(400);
    public static final Duration QUICK_BUDGET = Duration.ofMillis(2_000);

    private CordumFixture() {
    }

    public static CordumStandIn exampleStandIn() {
        return CordumStandIn.startOnLoopback(StandInConfig.example());
    }

    public static CordumStandIn standIn(String yaml) {
        return CordumStandIn.startOnLoopback(StandInConfig.parse(yaml, false, "test"));
    }

    public static CordumClientConfig config(URI baseUri) {
        return CordumClientConfig.defaults(baseUri)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15))
                .withRetries(ATTEMPTS, Duration.ofMillis(10), Duration.ofMillis(40));
    }

    public static CordumClientConfig quickConfig(URI baseUri) {
        return CordumClientConfig.defaults(baseUri)
                .withTimeouts(Duration.ofMillis(500), QUICK_REQUEST_TIMEOUT, QUICK_BUDGET)
                .withRetries(ATTEMPTS, Duration.ofMillis(10), Duration.ofMillis(40));
    }

    public static HttpCordumClient quickClient(CordumStandIn standIn, ApiKeySource keys) {
        return new HttpCordumClient(quickConfig(standIn.baseUri()), keys);
    }

    public static HttpCordumClient client(CordumStandIn standIn, String key) {
        return new HttpCordumClient(config(standIn.baseUri()), () -> ApiKey.of(key));
    }

    public static HttpCordumClient client(CordumStandIn standIn) {
        return client(standIn, ADMIN_KEY);
    }
}
