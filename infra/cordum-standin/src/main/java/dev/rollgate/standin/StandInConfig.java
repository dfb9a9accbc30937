package dev.rollgate.standin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the stand-in answers, read from YAML or JSON. Unknown keys are errors, so a typo never silently turns
 * into a default. Every section is optional.
 *
 * @param apiKeys       accepted API keys
 * @param policyLoaded  false makes every simulation answer DENY "no policy loaded — fail-closed"
 * @param topics        decision per job topic for the active policy; other topics get the default deny
 * @param bundles       candidate bundles by id, each with its own topic decisions
 * @param workflows     workflows by id: dry-run steps and how runs behave
 * @param runs          run-start limits and reserved idempotency keys
 * @param approvals     the approval queue's initial entries
 * @param rateLimit     per-tenant token bucket
 * @param faults        faults active from the start
 */
public record StandInConfig(List<ApiKey> apiKeys, Boolean policyLoaded, Map<String, Decision> topics,
                            Map<String, Bundle> bundles, Map<String, Workflow> workflows, Runs runs,
                            List<Approval> approvals, RateLimit rateLimit, FaultSettings faults) {

    public StandInConfig {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        policyLoaded = policyLoaded == null || policyLoaded;
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        bundles = bundles == null ? Map.of() : Map.copyOf(bundles);
        workflows = workflows == null ? Map.of() : Map.copyOf(workflows);
        runs = runs == null ? new Runs(null, null) : runs;
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
        faults = faults == null ? FaultSettings.none() : faults;
    }

    public static StandInConfig empty() {
        return new StandInConfig(null, null, null, null, null, null, null, null, null);
    }

    /** The example configuration shipped with the stand-in (also a reference of every key); parsed once. */
    public static StandInConfig example() {
        return ExampleHolder.EXAMPLE;
    }

    private static final class ExampleHolder {
        static final StandInConfig EXAMPLE = readExample();
    }

    private static StandInConfig readExample() {
        try (var in = StandInConfig.class.getResourceAsStream("example.yaml")) {
            if (in == null) {
                throw new IllegalStateException("example.yaml is missing from the stand-in jar");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), false, "example.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("example.yaml cannot be read", e);
        }
    }

    /** Reads a {@code .yaml}/{@code .yml} or {@code .json} file; the error names the file and the offending key. */
    public static StandInConfig read(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            return parse(Files.readString(file), name.endsWith(".json"), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("stand-in config " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses YAML (or JSON); errors name the source and the offending key path. */
    public static StandInConfig parse(String text, boolean json, String source) {
        ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            StandInConfig config = mapper.readValue(text, StandInConfig.class);
            return config == null ? empty() : config;
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("stand-in config " + source + ": " + e.getOriginalMessage()
                    + " at " + e.getPathReference(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("stand-in config " + source + " is not valid: " + e.getMessage(), e);
        }
    }

    /**
     * An accepted API key.
     *
     * @param key       the key value
     * @param tenant    the only tenant it may act for; empty means any tenant named in {@code X-Tenant-ID}
     * @param principal the principal used as approver when {@code X-Principal-Id} is absent
     * @param admin     whether it holds the admin role the policy endpoints need
     */
    public record ApiKey(String key, String tenant, String principal, Boolean admin) {
        public ApiKey {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("apiKeys[].key must be set");
            }
            tenant = tenant == null ? "" : tenant;
            principal = principal == null ? "" : principal;
            admin = admin == null || admin;
        }

        @Override
        public String toString() {
            return "ApiKey[tenant=" + tenant + ", principal=" + principal + ", admin=" + admin + "]";
        }
    }

    /** A policy decision as the simulate endpoints return it. */
    public record Decision(String decision, String reason, String ruleId, Boolean approvalRequired, String approvalRef,
                           Map<String, Object> constraints) {
        public Decision {
            if (decision == null || decision.isBlank()) {
                throw new IllegalArgumentException("topics.<topic>.decision must be set");
            }
            reason = reason == null ? "" : reason;
            ruleId = ruleId == null ? "" : ruleId;
            approvalRequired = approvalRequired != null && approvalRequired;
            approvalRef = approvalRef == null ? "" : approvalRef;
            constraints = constraints == null ? Map.of() : Map.copyOf(constraints);
        }
    }

    /** A stored candidate bundle. */
    public record Bundle(Map<String, Decision> topics) {
        public Bundle {
            topics = topics == null ? Map.of() : Map.copyOf(topics);
        }
    }

    /**
     * A workflow.
     *
     * @param steps                dry-run steps (reported sorted by step id)
     * @param environmentDecisions per environment name, step id to decision overrides for the dry-run
     * @param requiredInput        input fields a run start must carry (else 400)
     * @param runStatus            the status a new run gets
     * @param stepStatuses         per step id, the status recorded in new runs (default {@code succeeded})
     */
    public record Workflow(List<Step> steps, Map<String, Map<String, String>> environmentDecisions,
                           List<String> requiredInput, String runStatus, Map<String, String> stepStatuses) {
        public Workflow {
            steps = steps == null ? List.of() : List.copyOf(steps);
            environmentDecisions = environmentDecisions == null ? Map.of() : Map.copyOf(environmentDecisions);
            requiredInput = requiredInput == null ? List.of() : List.copyOf(requiredInput);
            runStatus = runStatus == null ? "running" : runStatus;
            if (!RunStatuses.ALL.contains(runStatus)) {
                throw new IllegalArgumentException("workflows.<id>.runStatus '" + runStatus + "' is not one of "
                        + RunStatuses.ALL);
            }
            stepStatuses = stepStatuses == null ? Map.of() : Map.copyOf(stepStatuses);
        }
    }

    /** One dry-run step. */
    public record Step(String stepId, String stepName, String stepType, String decision, String reason, String ruleId) {
        public Step {
            if (stepId == null || stepId.isBlank()) {
                throw new IllegalArgumentException("workflows.<id>.steps[].stepId must be set");
            }
            stepName = stepName == null ? "" : stepName;
            stepType = stepType == null ? "job" : stepType;
            decision = decision == null ? "ALLOW" : decision;
            reason = reason == null ? "" : reason;
            ruleId = ruleId == null ? "" : ruleId;
        }
    }

    /**
     * @param maxConcurrentPerTenant non-terminal runs a tenant may have before 429 RUN_NOT_RUNNABLE
     * @param reservedIdempotencyKeys keys reserved but not mapped to a run (409 RUN_IDEMPOTENCY_CONFLICT)
     */
    public record Runs(Integer maxConcurrentPerTenant, Set<String> reservedIdempotencyKeys) {
        public Runs {
            maxConcurrentPerTenant = maxConcurrentPerTenant == null ? 100 : maxConcurrentPerTenant;
            reservedIdempotencyKeys = reservedIdempotencyKeys == null ? Set.of() : Set.copyOf(reservedIdempotencyKeys);
        }
    }

    /**
     * An entry of the approval queue.
     *
     * @param submitter      principal who submitted the job: approving as this principal is self-approval
     * @param status         {@code pending} | {@code approved} | {@code rejected} | {@code expired} | ...
     * @param conflict       a 409 code every approve/reject answers with (e.g. {@code approval_terminal_run})
     * @param lockContention how many approve/reject calls answer 200 {@code approval_retryable_lock} first
     */
    public record Approval(String jobId, String tenant, String topic, String submitter, String decision,
                           String policyRuleId, String policyReason, String status, String workflowId,
                           String workflowRunId, String workflowStepId, String stepName, String gateType,
                           String conflict, Integer lockContention) {
        public Approval {
            if (jobId == null || jobId.isBlank() || tenant == null || tenant.isBlank()) {
                throw new IllegalArgumentException("approvals[] need jobId and tenant");
            }
            topic = topic == null ? "" : topic;
            submitter = submitter == null ? "" : submitter;
            decision = decision == null ? "REQUIRE_APPROVAL" : decision;
            policyRuleId = policyRuleId == null ? "" : policyRuleId;
            policyReason = policyReason == null ? "" : policyReason;
            status = status == null ? "pending" : status;
            workflowId = workflowId == null ? "" : workflowId;
            workflowRunId = workflowRunId == null ? "" : workflowRunId;
            workflowStepId = workflowStepId == null ? "" : workflowStepId;
            stepName = stepName == null ? "" : stepName;
            gateType = gateType == null ? "" : gateType;
            conflict = conflict == null ? "" : conflict;
            lockContention = lockContention == null ? 0 : lockContention;
        }
    }

    /** Per-tenant token bucket: {@code perSecond} refill, {@code burst} capacity. */
    public record RateLimit(Double perSecond, Integer burst) {
        public RateLimit {
            perSecond = perSecond == null ? 30.0 : perSecond;
            burst = burst == null ? 60 : burst;
        }
    }
}
