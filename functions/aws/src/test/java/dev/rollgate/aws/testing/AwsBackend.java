package dev.rollgate.aws.testing;

/** Which emulator an integration test talks to. */
public enum AwsBackend {
    /** Whatever {@code AWS_ENDPOINT_URL} points at; {@code infra/test.sh} sets it to moto. */
    GIVEN_ENDPOINT,
    /** LocalStack started through Testcontainers, one container per test run. */
    LOCALSTACK
}
