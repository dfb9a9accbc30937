package dev.rollgate.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

import java.util.List;

/** All-or-nothing writes of several items. */
final class Transactions {
    private Transactions() {
    }

    /**
     * Writes all items or none. Returns false when a condition failed or a concurrent write got in the way;
     * the caller then re-reads to learn which (DynamoDB's cancellation reasons are not relied on, since
     * emulators report them differently).
     */
    static boolean writeAll(DynamoDbClient dynamo, String what, List<TransactWriteItem> items) {
        try {
            StoreCalls.call(what, () -> dynamo.transactWriteItems(TransactWriteItemsRequest.builder()
                    .transactItems(items).build()));
            return true;
        } catch (TransactionCanceledException | TransactionConflictException e) {
            return false;
        }
    }
}
