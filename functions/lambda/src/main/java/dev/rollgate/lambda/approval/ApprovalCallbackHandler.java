package dev.rollgate.lambda.approval;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.core.workflow.ApprovalDecisionOutcome;
import dev.rollgate.lambda.runtime.Input;
import dev.rollgate.lambda.runtime.InvalidInputException;
import dev.rollgate.lambda.runtime.Invocation;
import dev.rollgate.lambda.runtime.LambdaComponents;
import dev.rollgate.lambda.runtime.PowertoolsTelemetry;
import dev.rollgate.lambda.runtime.SnapStartPriming;
import dev.rollgate.lambda.runtime.Telemetry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The API-facing approval callback, behind a Lambda function URL with IAM auth: only principals granted
 * {@code lambda:InvokeFunctionUrl} (the approver role) reach it, and the approver is the signed caller's ARN,
 * never a field of the body. Body {@code {approvalId, decision: approve|reject, reason}}. Answers with an HTTP
 * status per outcome (200 accepted, 400 bad input, 403 four eyes or wrong tenant, 404, 409 decided or late).
 */
public final class ApprovalCallbackHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** What the approver asks for. */
    public enum Decision {
        APPROVE,
        REJECT
    }

    static {
        SnapStartPriming.register();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<LambdaComponents> components;
    private final Clock clock;
    private final Telemetry telemetry;

    public ApprovalCallbackHandler() {
        this(LambdaComponents::shared, Clock.systemUTC(), new PowertoolsTelemetry());
    }

    public ApprovalCallbackHandler(Supplier<LambdaComponents> components, Clock clock, Telemetry telemetry) {
        this.components = components;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Invocation.run("approval-callback", context, telemetry, () -> {
            Input request;
            String approver;
            Input body;
            try {
                request = Input.of(event, "function URL request");
                approver = request.requiredObject("requestContext").requiredObject("authorizer")
                        .requiredObject("iam").requiredText("userArn");
                body = body(request);
            } catch (InvalidInputException e) {
                return response(400, Map.of("error", e.getMessage()), "BAD_REQUEST");
            }
            String approvalId;
            Decision decision;
            String reason;
            try {
                approvalId = body.requiredText("approvalId");
                decision = body.requiredEnum("decision", Decision.class);
                reason = body.requiredText("reason");
            } catch (InvalidInputException e) {
                return response(400, Map.of("error", e.getMessage()), "BAD_REQUEST");
            }
            LambdaComponents c = components.get();
            ApprovalDecisionOutcome outcome = c.decideApproval().decide(approvalId, decision == Decision.APPROVE,
                    approver, Set.of(c.tenant()), reason, clock.instant());
            return answer(outcome);
        });
    }

    private static Input body(Input request) {
        String raw = request.requiredText("body");
        boolean base64 = request.optionalBoolean("isBase64Encoded").orElse(false);
        String text;
        try {
            text = base64 ? new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8) : raw;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("field 'body': isBase64Encoded is true but the body is not base64");
        }
        try {
            Map<String, Object> parsed = JSON.readValue(text, new TypeReference<Map<String, Object>>() {
            });
            return Input.of(parsed, "approval decision body");
        } catch (IOException e) {
            throw new InvalidInputException("field 'body': expected a JSON object {approvalId, decision, reason}");
        }
    }

    private static Invocation.Result answer(ApprovalDecisionOutcome outcome) {
        if (outcome instanceof ApprovalDecisionOutcome.Accepted accepted) {
            return response(200, Map.of("approvalId", accepted.approvalId(), "approved", accepted.approved()),
                    accepted.approved() ? "APPROVED" : "REJECTED");
        } else if (outcome instanceof ApprovalDecisionOutcome.AcceptedNotDelivered stored) {
            // The decision stands; the workflow resolves the step by its own timeout.
            return response(200, Map.of("approvalId", stored.approvalId(), "approved", stored.approved(),
                    "delivered", false), stored.approved() ? "APPROVED_NOT_DELIVERED" : "REJECTED_NOT_DELIVERED");
        } else if (outcome instanceof ApprovalDecisionOutcome.Invalid invalid) {
            return response(400, Map.of("approvalId", invalid.approvalId(), "error", invalid.problem()),
                    "BAD_REQUEST");
        } else if (outcome instanceof ApprovalDecisionOutcome.AlreadyDecided already) {
            return response(409, Map.of("approvalId", already.approvalId(), "error",
                    "already decided by " + already.decidedBy()), "ALREADY_DECIDED");
        } else if (outcome instanceof ApprovalDecisionOutcome.SelfApprovalDenied denied) {
            return response(403, Map.of("approvalId", denied.approvalId(), "error",
                    "the person who started the rollout cannot decide its approvals"), "SELF_APPROVAL_DENIED");
        } else if (outcome instanceof ApprovalDecisionOutcome.PastDeadline late) {
            return response(409, Map.of("approvalId", late.approvalId(), "error",
                    "the approval deadline has passed; it resolves as rejected"), "PAST_DEADLINE");
        } else if (outcome instanceof ApprovalDecisionOutcome.Forbidden forbidden) {
            return response(403, Map.of("approvalId", forbidden.approvalId(), "error",
                    "not allowed to decide for this tenant"), "FORBIDDEN");
        }
        ApprovalDecisionOutcome.NotFound notFound = (ApprovalDecisionOutcome.NotFound) outcome;
        return response(404, Map.of("approvalId", notFound.approvalId(), "error", "no such approval"), "NOT_FOUND");
    }

    private static Invocation.Result response(int status, Map<String, Object> body, String outcome) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", status);
        response.put("headers", Map.of("content-type", "application/json"));
        try {
            response.put("body", JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings and booleans always serialises", e);
        }
        return new Invocation.Result(response, outcome);
    }
}
