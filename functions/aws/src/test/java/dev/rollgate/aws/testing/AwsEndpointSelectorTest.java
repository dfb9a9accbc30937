package dev.rollgate.aws.testing;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsEndpointSelectorTest {
    private static final Map<String, String> MOTO_ENV = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:45123",
            "AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "secret",
            "AWS_SESSION_TOKEN", "tok");
    private static final AwsEndpoint LOCALSTACK = new AwsEndpoint(AwsBackend.LOCALSTACK,
            URI.create("http://127.0.0.1:4566"), Region.US_EAST_1, "test", "test", Optional.empty());

    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicInteger launches = new AtomicInteger();

    private DockerProbe docker(boolean available) {
        return () -> {
            probes.incrementAndGet();
            return available;
        };
    }

    private LocalStackLauncher launcher() {
        return () -> {
            launches.incrementAndGet();
            return LOCALSTACK;
        };
    }

    @Test
    void givenEndpointIsUsedWithoutLookingForDocker() {
        AwsEndpoint endpoint = new AwsEndpointSelector(MOTO_ENV, docker(true), launcher()).select();

        assertThat(endpoint).isEqualTo(new AwsEndpoint(AwsBackend.GIVEN_ENDPOINT,
                URI.create("http://127.0.0.1:45123"), Region.EU_WEST_1, "testing", "secret", Optional.of("tok")));
        assertThat(probes).hasValue(0);
        assertThat(launches).hasValue(0);
    }

    @Test
    void defaultRegionVariableIsAcceptedWhenAwsRegionIsUnset() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_DEFAULT_REGION", "us-west-2",
                "AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b");
        assertThat(new AwsEndpointSelector(env, docker(false), launcher()).select().region())
                .isEqualTo(Region.US_WEST_2);
    }

    @Test
    void withoutEndpointButWithDockerLocalStackIsStarted() {
        AwsEndpoint endpoint = new AwsEndpointSelector(Map.of(), docker(true), launcher()).select();

        assertThat(endpoint).isSameAs(LOCALSTACK);
        assertThat(launches).hasValue(1);
    }

    @Test
    void withNeitherTheFailureSaysHowToGetAnEmulator() {
        AwsEndpointSelector selector = new AwsEndpointSelector(Map.of("AWS_ENDPOINT_URL", " "), docker(false),
                launcher());

        assertThatThrownBy(selector::select).isInstanceOf(NoAwsEmulatorException.class)
                .hasMessageContaining("AWS_ENDPOINT_URL is not set")
                .hasMessageContaining("infra/test.sh")
                .hasMessageContaining("Docker");
        assertThat(launches).hasValue(0);
    }

    @Test
    void givenEndpointWithoutRegionIsAClearError() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_ACCESS_KEY_ID", "a",
                "AWS_SECRET_ACCESS_KEY", "b");
        assertThatThrownBy(() -> new AwsEndpointSelector(env, docker(true), launcher()).select())
                .isInstanceOf(NoAwsEmulatorException.class).hasMessageContaining("AWS_REGION");
    }

    @Test
    void givenEndpointWithoutCredentialsNamesTheMissingVariable() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "a");
        assertThatThrownBy(() -> new AwsEndpointSelector(env, docker(true), launcher()).select())
                .isInstanceOf(NoAwsEmulatorException.class).hasMessageContaining("AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void relativeEndpointIsRejected() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "localhost:4566", "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b");
        assertThatThrownBy(() -> new AwsEndpointSelector(env, docker(true), launcher()).select())
                .isInstanceOf(NoAwsEmulatorException.class).hasMessageContaining("absolute");
    }

    @Test
    void endpointDescriptionHidesTheSecret() {
        assertThat(new AwsEndpointSelector(MOTO_ENV, docker(false), launcher()).select().toString())
                .doesNotContain("secret").contains("45123");
    }
}
