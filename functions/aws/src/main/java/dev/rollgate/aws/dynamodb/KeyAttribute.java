package dev.rollgate.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A key attribute of a table or index: its name and scalar type. */
public record KeyAttribute(String name, ScalarAttributeType type) {
    public static KeyAttribute string(String name) {
        return new KeyAttribute(name, ScalarAttributeType.S);
    }

    public static KeyAttribute number(String name) {
        return new KeyAttribute(name, ScalarAttributeType.N);
    }
}
