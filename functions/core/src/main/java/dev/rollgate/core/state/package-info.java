/**
 * Ports for everything rollgate keeps between steps: rollouts, their append-only history, metric windows,
 * approvals (with the task token that never leaves the server side), idempotent starts and versioned policies.
 *
 * <p>Expected outcomes (a stale version, an already decided approval, an idempotency-key conflict) are values of
 * sealed interfaces; technical failures of the store are {@link dev.rollgate.core.state.StateAccessException}.
 * Every listing is paginated with an opaque cursor that only the issuing store understands. The DynamoDB adapters
 * live in {@code dev.rollgate.aws.dynamodb}; in-memory fakes and a shared contract test are in the core's test jar.
 */
package dev.rollgate.core.state;
