/**
 * DynamoDB adapters of the state ports in {@code dev.rollgate.core.state}.
 *
 * <h2>Tables and keys</h2>
 * Names of tables, keys, indexes, TTL attributes and environment variables are defined once, in
 * {@link dev.rollgate.aws.dynamodb.StateSchema}; {@code template.yaml} declares the same tables (a unit test
 * compares them) and {@link dev.rollgate.aws.dynamodb.StateTables} creates them on emulators. Deployed table names
 * come from the environment ({@link dev.rollgate.aws.dynamodb.TableNames#fromEnvironment}):
 * {@code ROLLGATE_ROLLOUTS_TABLE}, {@code ROLLGATE_HISTORY_TABLE}, {@code ROLLGATE_WINDOWS_TABLE},
 * {@code ROLLGATE_APPROVALS_TABLE}, {@code ROLLGATE_IDEMPOTENCY_TABLE}, {@code ROLLGATE_POLICIES_TABLE}.
 * All tables are on-demand, encrypted, with point-in-time recovery; every index projects all attributes.
 * In keys, {@code <a,b>} is {@code len(a) + ":" + a + "#" + b} (unambiguous whatever the parts contain) and
 * {@code time} is a fixed-width epoch-seconds+nanos string, so string order is time order.
 *
 * <table>
 *   <caption>Key schema</caption>
 *   <tr><th>Table (logical id)</th><th>Hash key</th><th>Range key</th><th>Indexes (hash, range)</th><th>TTL</th></tr>
 *   <tr><td>RolloutsTable</td><td>{@code id}</td><td>-</td>
 *       <td>{@code byTenantStatus} ({@code tenantStatus = <tenant,STATUS>}, {@code createdKey = time#id});
 *           {@code byTenant} ({@code tenant}, {@code createdKey});
 *           {@code byTenantAgent} ({@code tenantAgent = <tenant,agent>}, {@code createdKey})</td><td>-</td></tr>
 *   <tr><td>RolloutHistoryTable</td><td>{@code rolloutId}</td><td>{@code seq} (N, 1, 2, ...)</td><td>-</td>
 *       <td>-</td></tr>
 *   <tr><td>MetricWindowsTable</td><td>{@code pk}: {@code W#<rolloutId,variant>} or {@code R#scope}</td>
 *       <td>{@code sk}: window start {@code time}, or the rejection reason</td><td>-</td>
 *       <td>{@code expiresAt} (window end + 90 days)</td></tr>
 *   <tr><td>ApprovalsTable</td><td>{@code id}</td><td>-</td>
 *       <td>{@code pendingByTenant} ({@code pendingTenant}, {@code createdKey}); sparse: {@code pendingTenant}
 *           exists only while the request is pending</td><td>-</td></tr>
 *   <tr><td>IdempotencyTable</td><td>{@code pk}: {@code start#<tenant,key>}; other kinds use their own prefix
 *       (the Cordum rerun guard)</td><td>{@code sk}: {@code rollout} for starts</td><td>-</td>
 *       <td>{@code expiresAt} (24 h after the start)</td></tr>
 *   <tr><td>PoliciesTable</td><td>{@code tenant}</td>
 *       <td>{@code sk}: {@code V#<name,version(19 digits)>} per version, {@code L#name} latest pointer</td>
 *       <td>-</td><td>-</td></tr>
 * </table>
 *
 * <h2>Access patterns (every listing is a Query, never a Scan)</h2>
 * <ul>
 *   <li>Rollout by id: GetItem {@code id}, consistent.</li>
 *   <li>Tenant's rollouts in a status, newest first: Query {@code byTenantStatus}, {@code tenantStatus = <t,S>},
 *       descending. All of a tenant's: Query {@code byTenant}. A tenant's agent: Query {@code byTenantAgent}.</li>
 *   <li>Create rollout: TransactWriteItems [Put rollout if {@code attribute_not_exists(id)}, Put history seq 1].</li>
 *   <li>Update rollout: GetItem, then TransactWriteItems [Put rollout if {@code version = expected}, Put each new
 *       history event if its {@code seq} is free]. A lost race re-reads: version moved = Stale.</li>
 *   <li>Start with idempotency key: TransactWriteItems [Put key if {@code attribute_not_exists(pk) OR
 *       expiresAt <= now}, Put rollout, Put history seq 1]; when cancelled, GetItem key: same fingerprint =
 *       AlreadyStarted, other fingerprint = KeyConflict. Expiry is decided by the condition, not by TTL deletion
 *       (TTL deletes only eventually, and never on moto).</li>
 *   <li>History in order: Query {@code rolloutId}, ascending, consistent. Append: Query descending limit 1 for
 *       the last {@code seq}, Put {@code seq + 1} if free; retry on collision.</li>
 *   <li>Windows of a rollout and variant in a time range: Query {@code pk = W#<r,v>}, {@code sk BETWEEN}, ascending.
 *       Put window if {@code attribute_not_exists(sk)} (a duplicate is reported, not written).
 *       Rejected counters: UpdateItem {@code ADD count :1} on {@code R#scope}/reason; read by Query {@code pk}.</li>
 *   <li>Approval by id: GetItem. Pending per tenant, oldest first: Query {@code pendingByTenant}, ascending.
 *       Decide: TransactWriteItems [Update approval SET status... REMOVE pendingTenant if {@code status = PENDING},
 *       Put history event]; the loser re-reads and gets AlreadyDecided.</li>
 *   <li>Policies: GetItem version or {@code L#name}; versions newest first: Query {@code begins_with(sk, V#<name,>)}
 *       descending; a tenant's policies: Query {@code begins_with(sk, L#)}. Publish: TransactWriteItems [Put version
 *       if absent, Put pointer if its {@code version = expected} (or absent for the first)].</li>
 * </ul>
 *
 * <h2>Limits and failures</h2>
 * Items are size-checked before writing ({@code ItemSize}, 390 KB budget); history details are shortened on
 * purpose by {@code HistoryDetail.fit} (48 KB), policy YAML is limited to 128 KB. The SDK retries throttling with
 * backoff; what still fails becomes {@link dev.rollgate.core.state.StateAccessException}, and since multi-item
 * writes are transactions, nothing half-written remains. Page cursors encode the LastEvaluatedKey together with
 * the listing they belong to; a foreign or tampered cursor is an {@code InvalidCursorException}.
 */
package dev.rollgate.aws.dynamodb;
