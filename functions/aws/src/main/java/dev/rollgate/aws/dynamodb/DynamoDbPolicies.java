package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Policies;
import dev.rollgate.core.state.PublishOutcome;
import dev.rollgate.core.state.StoredPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rollgate.aws.dynamodb.Attrs.n;
import static dev.rollgate.aws.dynamodb.Attrs.s;
import static dev.rollgate.aws.dynamodb.StateSchema.POLICY_TENANT;
import static dev.rollgate.aws.dynamodb.StateSchema.SK;

/**
 * Policies per tenant: every version is an immutable item ({@code sk = V#<name>#<version>}) and a pointer item
 * per name ({@code sk = L#<name>}) holds a copy of the latest version. Publishing writes both in one transaction
 * conditioned on the pointer's version, so two publishers of the same next version cannot both win.
 */
public final class DynamoDbPolicies implements Policies {
    private static final String VERSION_PREFIX = "V#";
    private static final String LATEST_PREFIX = "L#";
    private static final String NAME = "name";
    private static final String VERSION = "version";
    private static final String YAML = "yaml";
    private static final String AUTHOR = "author";
    private static final String PUBLISHED_AT = "publishedAt";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbPolicies(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.policies();
    }

    @Override
    public PublishOutcome publish(String tenant, String name, long expectedLatest, String yaml, String author,
                                  Instant now) {
        if (expectedLatest < 0) {
            throw new IllegalArgumentException("expectedLatest must be >= 0, was " + expectedLatest);
        }
        StoredPolicy policy = new StoredPolicy(tenant, name, expectedLatest + 1, yaml, author, now);
        return StoreCalls.untilDecided("publishing a policy", () -> {
            Map<String, AttributeValue> versionItem = toItem(policy, versionKey(name, policy.version()));
            Map<String, AttributeValue> latestItem = toItem(policy, LATEST_PREFIX + name);
            ItemSize.check(table, "policy " + name + " version " + policy.version(), versionItem);
            Put versionPut = Put.builder().tableName(table).item(versionItem)
                    .conditionExpression("attribute_not_exists(#sk)").expressionAttributeNames(Map.of("#sk", SK))
                    .build();
            Put latestPut = expectedLatest == 0
                    ? Put.builder().tableName(table).item(latestItem).conditionExpression("attribute_not_exists(#sk)")
                    .expressionAttributeNames(Map.of("#sk", SK)).build()
                    : Put.builder().tableName(table).item(latestItem).conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", VERSION))
                    .expressionAttributeValues(Map.of(":expected", n(expectedLatest))).build();
            if (Transactions.writeAll(dynamo, "publishing a policy", List.of(
                    TransactWriteItem.builder().put(versionPut).build(),
                    TransactWriteItem.builder().put(latestPut).build()))) {
                return Optional.of(new PublishOutcome.Published(policy));
            }
            long actual = latest(tenant, name).map(StoredPolicy::version).orElse(0L);
            return actual != expectedLatest
                    ? Optional.of(new PublishOutcome.VersionConflict(name, expectedLatest, actual))
                    : Optional.empty();
        });
    }

    @Override
    public Optional<StoredPolicy> get(String tenant, String name, long version) {
        return version < 1 ? Optional.empty() : read(tenant, versionKey(name, version));
    }

    @Override
    public Optional<StoredPolicy> latest(String tenant, String name) {
        return read(tenant, LATEST_PREFIX + name);
    }

    @Override
    public Page<StoredPolicy> versions(String tenant, String name, PageRequest page) {
        return query(tenant, VERSION_PREFIX + Keys.composite(name, ""), false, page);
    }

    @Override
    public Page<StoredPolicy> list(String tenant, PageRequest page) {
        return query(tenant, LATEST_PREFIX, true, page);
    }

    private Page<StoredPolicy> query(String tenant, String prefix, boolean ascending, PageRequest page) {
        String listing = "policies:" + tenant + ":" + prefix;
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#t = :t AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#t", POLICY_TENANT, "#sk", SK))
                .expressionAttributeValues(Map.of(":t", s(tenant), ":prefix", s(prefix)))
                .consistentRead(true).scanIndexForward(ascending).limit(page.limit());
        PageCursors.decode(listing, page.cursor()).ifPresent(query::exclusiveStartKey);
        QueryResponse response = StoreCalls.call("listing policies", () -> dynamo.query(query.build()));
        return new Page<>(response.items().stream().map(DynamoDbPolicies::fromItem).toList(),
                PageCursors.encode(listing, response.lastEvaluatedKey()));
    }

    private Optional<StoredPolicy> read(String tenant, String sortKey) {
        GetItemResponse response = StoreCalls.call("reading a policy", () -> dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(Map.of(POLICY_TENANT, s(tenant), SK, s(sortKey))).consistentRead(true)
                .build()));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    /** Length-prefixed name, so the versions of "a" and of "a#b" never share a key prefix. */
    private static String versionKey(String name, long version) {
        return VERSION_PREFIX + Keys.composite(name, Keys.padded(version));
    }

    private static Map<String, AttributeValue> toItem(StoredPolicy p, String sortKey) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(POLICY_TENANT, s(p.tenant()));
        item.put(SK, s(sortKey));
        item.put(NAME, s(p.name()));
        item.put(VERSION, n(p.version()));
        item.put(YAML, s(p.yaml()));
        item.put(AUTHOR, s(p.author()));
        item.put(PUBLISHED_AT, Attrs.instant(p.publishedAt()));
        return item;
    }

    private static StoredPolicy fromItem(Map<String, AttributeValue> item) {
        return new StoredPolicy(Attrs.str(item, POLICY_TENANT), Attrs.str(item, NAME), Attrs.lng(item, VERSION),
                Attrs.str(item, YAML), Attrs.str(item, AUTHOR), Attrs.instant(item, PUBLISHED_AT));
    }
}
