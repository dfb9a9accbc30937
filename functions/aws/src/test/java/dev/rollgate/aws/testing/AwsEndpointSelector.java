package dev.rollgate.aws.testing;

import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the emulator for integration tests: {@code AWS_ENDPOINT_URL} when set (the test command sets it to
 * moto); else LocalStack through Testcontainers when a Docker engine is reachable; else a failure that says how
 * to get one. Never skips: a test run that silently ran no integration test would look green.
 */
public final class AwsEndpointSelector {
    static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";
    static final String HOW_TO = "Integration tests need an AWS emulator. Either run them through the test command,"
            + " which starts moto and sets " + ENDPOINT_VARIABLE + " (infra/test.sh -pl functions/aws -am), or set "
            + ENDPOINT_VARIABLE + " (plus AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) to a running"
            + " emulator, or start a Docker engine so that LocalStack can be started through Testcontainers.";

    private final Map<String, String> env;
    private final DockerProbe docker;
    private final LocalStackLauncher localStack;

    public AwsEndpointSelector(Map<String, String> env, DockerProbe docker, LocalStackLauncher localStack) {
        this.env = Map.copyOf(env);
        this.docker = docker;
        this.localStack = localStack;
    }

    public AwsEndpoint select() {
        Optional<String> endpoint = value(ENDPOINT_VARIABLE);
        if (endpoint.isPresent()) {
            return givenEndpoint(endpoint.get());
        }
        if (docker.dockerAvailable()) {
            return localStack.start();
        }
        throw new NoAwsEmulatorException(ENDPOINT_VARIABLE + " is not set and no Docker engine is reachable. "
                + HOW_TO);
    }

    private AwsEndpoint givenEndpoint(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new NoAwsEmulatorException(ENDPOINT_VARIABLE + " is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new NoAwsEmulatorException(ENDPOINT_VARIABLE + " must be an absolute http(s) URL, was '" + url
                    + "'");
        }
        String region = value("AWS_REGION").or(() -> value("AWS_DEFAULT_REGION")).orElseThrow(() ->
                new NoAwsEmulatorException(ENDPOINT_VARIABLE + " is set but neither AWS_REGION nor"
                        + " AWS_DEFAULT_REGION is. " + HOW_TO));
        String key = value("AWS_ACCESS_KEY_ID").orElseThrow(() -> missing("AWS_ACCESS_KEY_ID"));
        String secret = value("AWS_SECRET_ACCESS_KEY").orElseThrow(() -> missing("AWS_SECRET_ACCESS_KEY"));
        return new AwsEndpoint(AwsBackend.GIVEN_ENDPOINT, uri, Region.of(region), key, secret,
                value("AWS_SESSION_TOKEN"));
    }

    private NoAwsEmulatorException missing(String variable) {
        return new NoAwsEmulatorException(ENDPOINT_VARIABLE + " is set but " + variable + " is not (emulators"
                + " accept any value, e.g. 'testing'). " + HOW_TO);
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
