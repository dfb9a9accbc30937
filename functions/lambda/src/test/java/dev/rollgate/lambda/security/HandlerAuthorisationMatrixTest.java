package dev.rollgate.lambda.security;

import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.lambda.approval.ApprovalCallbackHandler;
import dev.rollgate.lambda.runtime.HandlerFixture;
import dev.rollgate.lambda.runtime.InMemoryRolloutPorts;
import dev.rollgate.lambda.start.StartRolloutHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.rollgate.lambda.runtime.HandlerFixture.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation policy of the function layer in one table, each cell run through the real handler (which
 * calls the core use case, {@code StartRollout} or {@code DecideApproval}) with in-memory ports, checking the
 * effect: an allowed cell stores and wakes the workflow, a denied one leaves everything as it was.
 *
 * <p>Functions have no roles of their own: IAM decides who may invoke which function (the start function:
 * the pipeline role; the approval function URL, {@code AuthType: AWS_IAM}: the approver role), so the rows are
 * who the caller is relative to the subject rollout. Abort, rerun and reading state have no function at all;
 * they exist only in the console (see the console's matrix). docs/security.md explains it.
 */
class HandlerAuthorisationMatrixTest {
    /** Caller x action. Y allowed, N refused. The installation serves tenant acme. */
    static final String TABLE = """
            caller        START  APPROVE  REJECT
            REQUESTER     Y      N        N
            COLLEAGUE     Y      Y        Y
            OTHER_TENANT  N      N        N
            """;

    static final String ACME = InMemoryRolloutPorts.TENANT;
    static final String GLOBEX = "globex";
    static final String RITA = "arn:aws:iam::123456789012:user/rita";
    static final String BOB = "arn:aws:iam::123456789012:user/bob";

    /** Who calls, for which tenant, and (for decisions) whose rollout the approval belongs to. */
    enum Caller {
        /** The identity that started the subject rollout. */
        REQUESTER(RITA, ACME),
        /** Another identity of the installation's tenant. */
        COLLEAGUE(BOB, ACME),
        /** Acting on another tenant: starts for globex, decides a globex approval in the shared table. */
        OTHER_TENANT(BOB, GLOBEX);

        final String identity;
        final String tenant;

        Caller(String identity, String tenant) {
            this.identity = identity;
            this.tenant = tenant;
        }
    }

    static Stream<Arguments> cells() {
        List<String[]> rows = TABLE.lines().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+")).toList();
        String[] header = rows.get(0);
        return rows.stream().skip(1).flatMap(row -> IntStream.range(1, row.length)
                .mapToObj(i -> Arguments.of(Caller.valueOf(row[0]), header[i], row[i])));
    }

    @ParameterizedTest(name = "{0} x {1} -> {2}")
    @MethodSource("cells")
    void every_caller_may_do_exactly_what_the_table_allows(Caller caller, String action, String expected) {
        HandlerFixture fixture = new HandlerFixture();

        boolean allowed = switch (action) {
            case "START" -> start(fixture, caller);
            case "APPROVE" -> decide(fixture, caller, "approve");
            case "REJECT" -> decide(fixture, caller, "reject");
            default -> throw new IllegalArgumentException("no such action column: " + action);
        };

        assertThat(allowed ? "Y" : "N").as("%s x %s", caller, action).isEqualTo(expected);
    }

    @Test
    void the_table_covers_every_caller_and_action_once() {
        assertThat(cells().map(a -> a.get()[0] + "/" + a.get()[1])).doesNotHaveDuplicates().hasSize(9);
    }

    private static boolean start(HandlerFixture fixture, Caller caller) {
        Map<String, Object> request = HandlerFixture.startRequest("matrix-" + caller);
        request.put("tenant", caller.tenant);
        request.put("requester", caller.identity);

        Map<String, Object> output = new StartRolloutHandler(() -> fixture.components, HandlerFixture.CLOCK,
                fixture.telemetry).handleRequest(request, null);

        boolean allowed = "STARTED".equals(output.get("outcome"));
        assertThat(fixture.ports.startedExecutions).as("executions started").hasSize(allowed ? 1 : 0);
        assertThat(fixture.ports.stores.rollouts().listByTenant(caller.tenant, PageRequest.first(10)).items())
                .as("rollouts stored").hasSize(allowed ? 1 : 0);
        return allowed;
    }

    private static boolean decide(HandlerFixture fixture, Caller caller, String decision) {
        ApprovalRequest pending = subjectApproval(fixture, caller.tenant);
        String body = "{\"approvalId\":\"" + pending.id() + "\",\"decision\":\"" + decision
                + "\",\"reason\":\"matrix\"}";
        Map<String, Object> event = map("requestContext", map("authorizer", map("iam", map("userArn",
                caller.identity))), "body", body, "isBase64Encoded", false);

        Map<String, Object> response = new ApprovalCallbackHandler(() -> fixture.components, HandlerFixture.CLOCK,
                fixture.telemetry).handleRequest(event, null);

        boolean allowed = Integer.valueOf(200).equals(response.get("statusCode"));
        if (!allowed) {
            assertThat(response.get("statusCode")).as("a refusal is a 403, not a crash or a 404").isEqualTo(403);
        }
        ApprovalStatus expected = decision.equals("approve") ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
        assertThat(fixture.ports.stores.approvals().get(pending.id()).orElseThrow().status()).as("stored status")
                .isEqualTo(allowed ? expected : ApprovalStatus.PENDING);
        assertThat(fixture.ports.completedTokens).as("workflow woken").hasSize(allowed ? 1 : 0);
        return allowed;
    }

    /** A rollout of {@code tenant} started by rita through the start function, waiting for approval. */
    private static ApprovalRequest subjectApproval(HandlerFixture fixture, String tenant) {
        String rolloutId;
        if (tenant.equals(ACME)) {
            Map<String, Object> start = HandlerFixture.startRequest("subject");
            start.put("requester", RITA);
            rolloutId = (String) new StartRolloutHandler(() -> fixture.components, HandlerFixture.CLOCK,
                    fixture.telemetry).handleRequest(start, null).get("rolloutId");
            fixture.ports.startedExecutions.clear();
        } else {
            // The start function refuses other tenants, so another installation's rollout is written directly.
            rolloutId = "r-globex-subject";
        }
        ApprovalRequest pending = ApprovalRequest.pending("ap-" + tenant, rolloutId, tenant, "canary-1",
                "marginal-score", RITA, "token-" + tenant, HandlerFixture.NOW.minusSeconds(60),
                HandlerFixture.NOW.plus(Duration.ofHours(4)));
        fixture.ports.stores.approvals().request(pending);
        return pending;
    }
}
