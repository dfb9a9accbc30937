package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.state.ApprovalDecision;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalRequestOutcome;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.DecideOutcome;
import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.StateEvents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rollgate.aws.dynamodb.Attrs.instant;
import static dev.rollgate.aws.dynamodb.Attrs.s;
import static dev.rollgate.aws.dynamodb.StateSchema.APPROVAL_ID;
import static dev.rollgate.aws.dynamodb.StateSchema.CREATED_KEY;
import static dev.rollgate.aws.dynamodb.StateSchema.PENDING_BY_TENANT;
import static dev.rollgate.aws.dynamodb.StateSchema.PENDING_TENANT;

/**
 * Approval requests, one item each. While pending an item carries {@code pendingTenant}, which puts it into the
 * sparse {@code pendingByTenant} index; the decision removes it in the same conditional update
 * ({@code status = PENDING}) that is transacted with the history event, so exactly one decision wins.
 */
public final class DynamoDbApprovals implements Approvals {
    private static final String ROLLOUT_ID = "rolloutId";
    private static final String TENANT = "tenant";
    private static final String STAGE = "stage";
    private static final String REASON = "reason";
    private static final String REQUESTER = "requester";
    private static final String TASK_TOKEN = "taskToken";
    private static final String CREATED_AT = "createdAt";
    private static final String DEADLINE = "deadline";
    private static final String STATUS = "status";
    private static final String DECIDED_BY = "decidedBy";
    private static final String DECIDED_AT = "decidedAt";
    private static final String DECISION_REASON = "decisionReason";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbRolloutHistory history;

    public DynamoDbApprovals(DynamoDbClient dynamo, TableNames tables, DynamoDbRolloutHistory history) {
        this.dynamo = dynamo;
        this.table = tables.approvals();
        this.history = history;
    }

    @Override
    public ApprovalRequestOutcome request(ApprovalRequest request) {
        if (request.status() != ApprovalStatus.PENDING) {
            throw new IllegalArgumentException("a new approval request must be PENDING");
        }
        Map<String, AttributeValue> item = toItem(request);
        ItemSize.check(table, "approval " + request.id(), item);
        try {
            StoreCalls.call("storing an approval request", () -> dynamo.putItem(PutItemRequest.builder()
                    .tableName(table).item(item).conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", APPROVAL_ID)).build()));
            return new ApprovalRequestOutcome.Requested(request);
        } catch (ConditionalCheckFailedException e) {
            return refreshToken(request);
        }
    }

    /**
     * The request exists: a retried AwaitApproval attempt brings a new task token, which replaces the stored one
     * only while the request is pending (the condition), so a decided request is never reopened.
     */
    private ApprovalRequestOutcome refreshToken(ApprovalRequest request) {
        try {
            StoreCalls.call("refreshing an approval's task token", () -> dynamo.updateItem(r -> r.tableName(table)
                    .key(Map.of(APPROVAL_ID, s(request.id())))
                    .updateExpression("SET #token = :token")
                    .conditionExpression("#st = :pending AND #token <> :token")
                    .expressionAttributeNames(Map.of("#token", TASK_TOKEN, "#st", STATUS))
                    .expressionAttributeValues(Map.of(":token", s(request.taskToken()),
                            ":pending", s(ApprovalStatus.PENDING.name())))));
            return new ApprovalRequestOutcome.TokenRefreshed(existing(request));
        } catch (ConditionalCheckFailedException decidedOrSameToken) {
            return new ApprovalRequestOutcome.AlreadyRequested(existing(request));
        }
    }

    private ApprovalRequest existing(ApprovalRequest request) {
        return get(request.id()).orElseThrow(
                () -> new IllegalStateException("approval " + request.id() + " vanished after a conflict"));
    }

    @Override
    public Optional<ApprovalRequest> get(String approvalId) {
        GetItemResponse response = StoreCalls.call("reading an approval", () -> dynamo.getItem(GetItemRequest
                .builder().tableName(table).key(Map.of(APPROVAL_ID, s(approvalId))).consistentRead(true).build()));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    @Override
    public Page<ApprovalRequest> pending(String tenant, PageRequest page) {
        String listing = PENDING_BY_TENANT + ":" + tenant;
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(PENDING_BY_TENANT)
                .keyConditionExpression("#t = :t").expressionAttributeNames(Map.of("#t", PENDING_TENANT))
                .expressionAttributeValues(Map.of(":t", s(tenant))).scanIndexForward(true).limit(page.limit());
        PageCursors.decode(listing, page.cursor()).ifPresent(query::exclusiveStartKey);
        QueryResponse response = StoreCalls.call("listing pending approvals", () -> dynamo.query(query.build()));
        return new Page<>(response.items().stream().map(DynamoDbApprovals::fromItem).toList(),
                PageCursors.encode(listing, response.lastEvaluatedKey()));
    }

    @Override
    public DecideOutcome decide(String approvalId, ApprovalDecision decision) {
        return StoreCalls.untilDecided("deciding an approval", () -> {
            Optional<ApprovalRequest> current = get(approvalId);
            if (current.isEmpty()) {
                return Optional.of(new DecideOutcome.NotFound(approvalId));
            }
            ApprovalRequest request = current.get();
            if (request.status() != ApprovalStatus.PENDING) {
                return Optional.of(new DecideOutcome.AlreadyDecided(request));
            }
            if (decision.verdict() == ApprovalStatus.APPROVED && decision.decidedAt().isAfter(request.deadline())) {
                return Optional.of(new DecideOutcome.PastDeadline(request));
            }
            ApprovalRequest decided = request.decided(decision);
            HistoryEntry entry = StateEvents.approvalDecided(decided, decision);
            List<TransactWriteItem> eventPuts = history.nextEventPuts(request.rolloutId(), List.of(entry));
            Update update = Update.builder().tableName(table).key(Map.of(APPROVAL_ID, s(approvalId)))
                    .updateExpression("SET #st = :verdict, #by = :by, #at = :at, #why = :why REMOVE #pending")
                    .conditionExpression("#st = :pending")
                    .expressionAttributeNames(Map.of("#st", STATUS, "#by", DECIDED_BY, "#at", DECIDED_AT,
                            "#why", DECISION_REASON, "#pending", PENDING_TENANT))
                    .expressionAttributeValues(Map.of(":verdict", s(decision.verdict().name()),
                            ":by", s(decision.decidedBy()), ":at", instant(decision.decidedAt()),
                            ":why", s(decision.reason()), ":pending", s(ApprovalStatus.PENDING.name())))
                    .build();
            List<TransactWriteItem> items = new java.util.ArrayList<>();
            items.add(TransactWriteItem.builder().update(update).build());
            items.addAll(eventPuts);
            if (!Transactions.writeAll(dynamo, "deciding an approval", items)) {
                return Optional.empty(); // the re-read tells whether another decision won
            }
            HistoryEvent event = DynamoDbRolloutHistory.fromItem(eventPuts.get(0).put().item());
            return Optional.of(new DecideOutcome.Decided(decided, event));
        });
    }

    /** The item of a request as {@link #request} stores it (also used to seed emulators in bulk). */
    static Map<String, AttributeValue> toItem(ApprovalRequest a) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(APPROVAL_ID, s(a.id()));
        item.put(ROLLOUT_ID, s(a.rolloutId()));
        item.put(TENANT, s(a.tenant()));
        item.put(STAGE, s(a.stage()));
        item.put(REASON, s(a.reason()));
        item.put(REQUESTER, s(a.requester()));
        item.put(TASK_TOKEN, s(a.taskToken()));
        item.put(CREATED_AT, instant(a.createdAt()));
        item.put(DEADLINE, instant(a.deadline()));
        item.put(STATUS, s(a.status().name()));
        item.put(PENDING_TENANT, s(a.tenant()));
        item.put(CREATED_KEY, s(Keys.createdKey(a.createdAt(), a.id())));
        return item;
    }

    private static ApprovalRequest fromItem(Map<String, AttributeValue> item) {
        ApprovalRequest pending = ApprovalRequest.pending(Attrs.str(item, APPROVAL_ID), Attrs.str(item, ROLLOUT_ID),
                Attrs.str(item, TENANT), Attrs.str(item, STAGE), Attrs.str(item, REASON),
                Attrs.str(item, REQUESTER), Attrs.str(item, TASK_TOKEN), Attrs.instant(item, CREATED_AT),
                Attrs.instant(item, DEADLINE));
        ApprovalStatus status = ApprovalStatus.valueOf(Attrs.str(item, STATUS));
        if (status == ApprovalStatus.PENDING) {
            return pending;
        }
        return pending.decided(new ApprovalDecision(status, Attrs.str(item, DECIDED_BY),
                Attrs.instant(item, DECIDED_AT), Attrs.str(item, DECISION_REASON)));
    }
}
