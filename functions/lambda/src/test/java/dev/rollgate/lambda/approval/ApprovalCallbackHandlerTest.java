package dev.rollgate.lambda.approval;

import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.StateFixture;
import dev.rollgate.lambda.runtime.HandlerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static dev.rollgate.lambda.runtime.HandlerFixture.map;
import static org.assertj.core.api.Assertions.assertThat;

/** The approval callback behind an IAM-authenticated function URL. */
class ApprovalCallbackHandlerTest {
    private static final String BOB = "arn:aws:iam::123456789012:user/bob";
    private final HandlerFixture fixture = new HandlerFixture();
    private final ApprovalCallbackHandler callback = new ApprovalCallbackHandler(() -> fixture.components,
            HandlerFixture.CLOCK, fixture.telemetry);
    private ApprovalRequest pending;

    @BeforeEach
    void storePendingApproval() {
        pending = StateFixture.approval("acme", "r-approval", HandlerFixture.NOW.minusSeconds(60));
        fixture.ports.stores.approvals().request(pending);
    }

    @Test
    void anApprovalByAnotherPersonIsAcceptedAndWakesTheWorkflow() {
        Map<String, Object> response = callback.handleRequest(request(BOB,
                "{\"approvalId\":\"" + pending.id() + "\",\"decision\":\"approve\",\"reason\":\"looks fine\"}"),
                null);

        assertThat(response).containsEntry("statusCode", 200);
        assertThat(fixture.ports.completedTokens).containsEntry(pending.taskToken(), "{\"approved\":true}");
        assertThat(fixture.ports.stores.approvals().get(pending.id()).orElseThrow().decision().orElseThrow()
                .decidedBy()).isEqualTo(BOB);
    }

    @Test
    void theRequesterCannotApproveTheirOwnRollout() {
        Map<String, Object> response = callback.handleRequest(request(pending.requester(),
                "{\"approvalId\":\"" + pending.id() + "\",\"decision\":\"APPROVE\",\"reason\":\"mine\"}"), null);

        assertThat(response).containsEntry("statusCode", 403);
        assertThat(fixture.ports.completedTokens).isEmpty();
    }

    @Test
    void aSecondDecisionFindsTheFirstOne() {
        callback.handleRequest(request(BOB, "{\"approvalId\":\"" + pending.id()
                + "\",\"decision\":\"reject\",\"reason\":\"too risky\"}"), null);

        Map<String, Object> response = callback.handleRequest(request("arn:aws:iam::123456789012:user/carol",
                "{\"approvalId\":\"" + pending.id() + "\",\"decision\":\"approve\",\"reason\":\"ok\"}"), null);

        assertThat(response).containsEntry("statusCode", 409);
        assertThat((String) response.get("body")).contains(BOB);
    }

    @Test
    void aBase64BodyIsDecoded() {
        String body = "{\"approvalId\":\"" + pending.id() + "\",\"decision\":\"reject\",\"reason\":\"no\"}";
        Map<String, Object> event = request(BOB, Base64.getEncoder().encodeToString(
                body.getBytes(StandardCharsets.UTF_8)));
        event.put("isBase64Encoded", true);

        assertThat(callback.handleRequest(event, null)).containsEntry("statusCode", 200);
    }

    @Test
    void aDecisionWithoutAReasonIsABadRequestNamingTheField() {
        Map<String, Object> response = callback.handleRequest(request(BOB,
                "{\"approvalId\":\"" + pending.id() + "\",\"decision\":\"approve\"}"), null);

        assertThat(response).containsEntry("statusCode", 400);
        assertThat((String) response.get("body")).contains("field 'reason': required");
    }

    @Test
    void aCallWithoutAnIamIdentityIsRefused() {
        Map<String, Object> event = map("requestContext", map("http", map("method", "POST")), "body", "{}");

        Map<String, Object> response = callback.handleRequest(event, null);

        assertThat(response).containsEntry("statusCode", 400);
        assertThat((String) response.get("body")).contains("requestContext.authorizer");
    }

    @Test
    void anUnknownApprovalIsNotFound() {
        Map<String, Object> response = callback.handleRequest(request(BOB,
                "{\"approvalId\":\"ap-nope\",\"decision\":\"approve\",\"reason\":\"ok\"}"), null);

        assertThat(response).containsEntry("statusCode", 404);
    }

    private static Map<String, Object> request(String caller, String body) {
        return map("requestContext", map("authorizer", map("iam", map("userArn", caller))), "body", body,
                "isBase64Encoded", false);
    }
}
