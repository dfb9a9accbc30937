package dev.rollgate.aws.testing;

/** Tells whether a Docker engine can be used; behind an interface so the selection logic is testable. */
@FunctionalInterface
public interface DockerProbe {
    boolean dockerAvailable();
}
