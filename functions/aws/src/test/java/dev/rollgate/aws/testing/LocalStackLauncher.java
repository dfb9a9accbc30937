package dev.rollgate.aws.testing;

/** Starts (or reuses) a LocalStack instance and says how to reach it. */
@FunctionalInterface
public interface LocalStackLauncher {
    AwsEndpoint start();
}
