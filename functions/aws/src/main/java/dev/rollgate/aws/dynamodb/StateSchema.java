package dev.rollgate.aws.dynamodb;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.rollgate.aws.dynamodb.KeyAttribute.number;
import static dev.rollgate.aws.dynamodb.KeyAttribute.string;

/**
 * The single source of truth for rollgate's DynamoDB tables: names of keys, indexes, TTL attributes and the
 * environment variables that carry the table names. Adapters, test set-up and the template check all read it.
 * The access patterns are documented in {@code package-info.java}.
 */
public final class StateSchema {
    public static final String ENV_PREFIX = "ROLLGATE_";

    /** Hash key of the rollouts table, and the GSI keys that serve the console listings. */
    public static final String ROLLOUT_ID = "id";
    public static final String TENANT = "tenant";
    public static final String TENANT_STATUS = "tenantStatus";
    public static final String TENANT_AGENT = "tenantAgent";
    public static final String CREATED_KEY = "createdKey";
    public static final String BY_TENANT_STATUS = "byTenantStatus";
    public static final String BY_TENANT = "byTenant";
    public static final String BY_TENANT_AGENT = "byTenantAgent";

    public static final String HISTORY_ROLLOUT_ID = "rolloutId";
    public static final String HISTORY_SEQ = "seq";

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String EXPIRES_AT = "expiresAt";

    public static final String APPROVAL_ID = "id";
    /** Present only while an approval is pending, so the index holds exactly the pending ones (sparse index). */
    public static final String PENDING_TENANT = "pendingTenant";
    public static final String PENDING_BY_TENANT = "pendingByTenant";

    public static final String POLICY_TENANT = "tenant";

    /** How long metric windows are kept before TTL deletes them. */
    public static final Duration WINDOW_RETENTION = Duration.ofDays(90);

    public static final TableSpec ROLLOUTS = new TableSpec("RolloutsTable", ENV_PREFIX + "ROLLOUTS_TABLE",
            "rollouts", string(ROLLOUT_ID), Optional.empty(), List.of(
            new IndexSpec(BY_TENANT_STATUS, string(TENANT_STATUS), string(CREATED_KEY)),
            new IndexSpec(BY_TENANT, string(TENANT), string(CREATED_KEY)),
            new IndexSpec(BY_TENANT_AGENT, string(TENANT_AGENT), string(CREATED_KEY))), Optional.empty());

    public static final TableSpec HISTORY = new TableSpec("RolloutHistoryTable", ENV_PREFIX + "HISTORY_TABLE",
            "history", string(HISTORY_ROLLOUT_ID), Optional.of(number(HISTORY_SEQ)), List.of(), Optional.empty());

    public static final TableSpec WINDOWS = new TableSpec("MetricWindowsTable", ENV_PREFIX + "WINDOWS_TABLE",
            "windows", string(PK), Optional.of(string(SK)), List.of(), Optional.of(EXPIRES_AT));

    public static final TableSpec APPROVALS = new TableSpec("ApprovalsTable", ENV_PREFIX + "APPROVALS_TABLE",
            "approvals", string(APPROVAL_ID), Optional.empty(), List.of(
            new IndexSpec(PENDING_BY_TENANT, string(PENDING_TENANT), string(CREATED_KEY))), Optional.empty());

    /**
     * Idempotency records of every kind, told apart by the {@code pk} prefix: {@code start#} for rollout starts;
     * other components add their own prefixes (the Cordum rerun guard). Keys expire through {@code expiresAt}.
     */
    public static final TableSpec IDEMPOTENCY = new TableSpec("IdempotencyTable", ENV_PREFIX + "IDEMPOTENCY_TABLE",
            "idempotency", string(PK), Optional.of(string(SK)), List.of(), Optional.of(EXPIRES_AT));

    public static final TableSpec POLICIES = new TableSpec("PoliciesTable", ENV_PREFIX + "POLICIES_TABLE",
            "policies", string(POLICY_TENANT), Optional.of(string(SK)), List.of(), Optional.empty());

    public static final List<TableSpec> ALL = List.of(ROLLOUTS, HISTORY, WINDOWS, APPROVALS, IDEMPOTENCY, POLICIES);

    private StateSchema() {
    }
}
