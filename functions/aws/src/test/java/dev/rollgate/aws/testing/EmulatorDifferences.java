package dev.rollgate.aws.testing;

/**
 * Everything the emulators do differently from AWS that rollgate's code or tests depend on, in one place.
 * Production code never branches on the emulator; where AWS itself is only eventually right (TTL), the code
 * is written to be correct without it, which is what makes these differences harmless.
 */
public final class EmulatorDifferences {
    /**
     * moto stores the TTL setting and the {@code expiresAt} attribute but never deletes expired items (AWS
     * deletes them eventually, typically within days; LocalStack only on its own schedule). The state store
     * therefore treats an idempotency key whose {@code expiresAt} has passed as free by condition expression,
     * and tests check expiry through that logic, never by waiting for an item to disappear.
     */
    public static final String TTL_NEVER_EXPIRES =
            "TTL is stored but expired items are never deleted by moto; expiry is enforced by conditions";

    /**
     * moto serves requests on several threads without locking its DynamoDB backend, so two conditional writes
     * can both pass and a cancelled transaction can undo other threads' writes. rollgate's exactly-once tests
     * (20 concurrent starts, two concurrent approval decisions) then fail on moto although the code is right.
     * {@code infra/moto_server.py}, which {@code infra/test.sh} starts, serializes DynamoDB requests to restore
     * AWS's atomic conditional writes; the tests themselves stay unchanged.
     */
    public static final String MOTO_DYNAMODB_WRITES_NOT_ATOMIC =
            "moto's DynamoDB is not atomic under concurrent requests; infra/moto_server.py serializes them";

    /**
     * DynamoDB reports why a transaction was cancelled per item; emulators fill these reasons in differently
     * or not at all. The adapters re-read the items after a cancelled transaction instead of parsing reasons.
     */
    public static final String CANCELLATION_REASONS_VARY =
            "transaction cancellation reasons differ between emulators; adapters re-read instead";

    /**
     * Global secondary index reads are eventually consistent in AWS but immediately consistent in moto and
     * LocalStack. Listings in the tests read right after writing; against real AWS they would need to wait.
     */
    public static final String INDEXES_ARE_IMMEDIATELY_CONSISTENT =
            "GSI queries see writes at once on emulators; AWS may lag";

    /** moto and LocalStack accept the SSE specification without encrypting anything. */
    public static final String SSE_NOT_ENFORCED = "server-side encryption is accepted but not applied";

    private EmulatorDifferences() {
    }
}
