package dev.rollgate.aws.testing;

import org.testcontainers.DockerClientFactory;

/** Asks Testcontainers whether it can reach a Docker engine (it checks the usual sockets and DOCKER_HOST). */
public final class TestcontainersDockerProbe implements DockerProbe {
    @Override
    public boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
