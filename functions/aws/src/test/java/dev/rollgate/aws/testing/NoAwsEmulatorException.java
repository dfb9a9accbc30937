package dev.rollgate.aws.testing;

/** Neither an AWS endpoint was given nor can LocalStack be started: integration tests cannot run. */
public class NoAwsEmulatorException extends IllegalStateException {
    public NoAwsEmulatorException(String message) {
        super(message);
    }
}
