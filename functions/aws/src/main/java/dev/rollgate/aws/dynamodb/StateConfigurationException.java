package dev.rollgate.aws.dynamodb;

/** The state store's configuration is missing or invalid (e.g. a table-name environment variable is unset). */
public class StateConfigurationException extends RuntimeException {
    public StateConfigurationException(String message) {
        super(message);
    }
}
