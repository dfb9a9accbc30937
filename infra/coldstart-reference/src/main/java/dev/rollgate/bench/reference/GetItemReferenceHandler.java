package dev.rollgate.bench.reference;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.Map;

/**
 * The cold-start reference: the smallest useful SDK v2 handler, one DynamoDB GetItem by {@code id} on the table
 * named by {@code REFERENCE_TABLE}, over the url-connection client, region and credentials from the environment.
 */
public final class GetItemReferenceHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final DynamoDbClient dynamo = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.builder().build()).build();
    private final String table = System.getenv("REFERENCE_TABLE");

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        GetItemResponse item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("id", AttributeValue.fromS(String.valueOf(event.get("id"))))));
        return Map.of("found", item.hasItem());
    }
}
