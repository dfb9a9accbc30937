package dev.rollgate.aws.testing;

import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.regions.Region;

import java.util.Optional;

/**
 * One LocalStack container per test run (JVM), started on first use and shared by every test class;
 * Testcontainers' reaper removes it when the JVM exits. Set {@code LOCALSTACK_AUTH_TOKEN} in the environment
 * if your LocalStack image needs one; it is passed through.
 */
public final class TestcontainersLocalStack implements LocalStackLauncher {
    /** Pinned so runs are repeatable; override with the system property {@code rollgate.localstack.image}. */
    static final String DEFAULT_IMAGE = "localstack/localstack:4.4.0";

    private static LocalStackContainer container;

    @Override
    public synchronized AwsEndpoint start() {
        synchronized (TestcontainersLocalStack.class) {
            if (container == null) {
                String image = System.getProperty("rollgate.localstack.image", DEFAULT_IMAGE);
                LocalStackContainer started = new LocalStackContainer(DockerImageName.parse(image)
                        .asCompatibleSubstituteFor("localstack/localstack"));
                Optional.ofNullable(System.getenv("LOCALSTACK_AUTH_TOKEN"))
                        .ifPresent(token -> started.withEnv("LOCALSTACK_AUTH_TOKEN", token));
                started.start();
                container = started;
            }
            return new AwsEndpoint(AwsBackend.LOCALSTACK, container.getEndpoint(),
                    Region.of(container.getRegion()), container.getAccessKey(), container.getSecretKey(),
                    Optional.empty());
        }
    }
}
