package dev.rollgate.aws.dynamodb;

/** An item would exceed DynamoDB's item size limit; detected before the write, nothing was written. */
public class ItemTooLargeException extends IllegalArgumentException {
    public ItemTooLargeException(String message) {
        super(message);
    }
}
