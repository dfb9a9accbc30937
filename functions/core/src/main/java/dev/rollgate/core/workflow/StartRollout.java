package dev.rollgate.core.workflow;

import dev.rollgate.core.policy.PolicyError;
import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.PolicyParser;
import dev.rollgate.core.state.NewRollout;
import dev.rollgate.core.state.Policies;
import dev.rollgate.core.state.RolloutStarts;
import dev.rollgate.core.state.StartOutcome;
import dev.rollgate.core.state.StateLimits;
import dev.rollgate.core.state.StoredPolicy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Starts a rollout exactly once per idempotency key: validates the request, stores the rollout (the same key with
 * the same request returns the first rollout; with a different request, a conflict) and starts its workflow
 * execution, named after the rollout so a retried start finds the running execution instead of a second one.
 */
public final class StartRollout {
    public static final int MAX_KEY_LENGTH = 128;
    private final RolloutStarts starts;
    private final Policies policies;
    private final WorkflowExecutions executions;
    private final Predicate<String> knownTenant;

    /** @param knownTenant which tenants this installation serves; a start for any other is refused */
    public StartRollout(RolloutStarts starts, Policies policies, WorkflowExecutions executions,
                        Predicate<String> knownTenant) {
        this.starts = starts;
        this.policies = policies;
        this.executions = executions;
        this.knownTenant = knownTenant;
    }

    public StartRolloutOutcome start(StartRolloutRequest request, Instant now) {
        List<String> problems = new ArrayList<>();
        require(problems, "tenant", request.tenant());
        require(problems, "agent", request.agent());
        require(problems, "candidateVersion", request.candidateVersion());
        require(problems, "baselineVersion", request.baselineVersion());
        require(problems, "requester", request.requester());
        String key = request.idempotencyKey();
        if (key == null || key.isBlank()) {
            problems.add("idempotencyKey: required (derive it from your pipeline run, e.g. the commit and stage)");
        } else if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            problems.add("idempotencyKey: at most " + MAX_KEY_LENGTH + " printable ASCII characters without spaces");
        }
        if (request.tenant() != null && !request.tenant().isBlank() && !knownTenant.test(request.tenant())) {
            problems.add("tenant: unknown tenant '" + request.tenant() + "'");
        }
        Optional<ResolvedPolicy> policy = problems.isEmpty() ? resolvePolicy(request, problems) : Optional.empty();
        if (!problems.isEmpty() || policy.isEmpty()) {
            return new StartRolloutOutcome.Invalid(problems);
        }
        NewRollout rollout = new NewRollout(rolloutId(request.tenant(), key), request.tenant(), request.agent(),
                request.candidateVersion(), request.baselineVersion(), request.requester(), policy.get().name(),
                policy.get().version(), policy.get().yaml());
        StartOutcome outcome = starts.start(key, rollout, now);
        if (outcome instanceof StartOutcome.KeyConflict) {
            return new StartRolloutOutcome.KeyConflict(key);
        }
        boolean replayed = outcome instanceof StartOutcome.AlreadyStarted;
        String id = outcome instanceof StartOutcome.Started s ? s.rollout().id()
                : ((StartOutcome.AlreadyStarted) outcome).rollout().id();
        return new StartRolloutOutcome.Started(id, executions.start(id, id), replayed);
    }

    private record ResolvedPolicy(String name, long version, String yaml) {
    }

    private Optional<ResolvedPolicy> resolvePolicy(StartRolloutRequest request, List<String> problems) {
        boolean named = request.policyName() != null && !request.policyName().isBlank();
        boolean inline = request.policyYaml() != null && !request.policyYaml().isBlank();
        if (named == inline) {
            problems.add("policy: give exactly one of policyName or policyYaml");
            return Optional.empty();
        }
        ResolvedPolicy resolved;
        if (named) {
            Optional<StoredPolicy> stored = policies.latest(request.tenant(), request.policyName());
            if (stored.isEmpty()) {
                problems.add("policyName: unknown policy '" + request.policyName() + "' for tenant "
                        + request.tenant());
                return Optional.empty();
            }
            resolved = new ResolvedPolicy(stored.get().name(), stored.get().version(), stored.get().yaml());
        } else {
            if (StateLimits.utf8Length(request.policyYaml()) > StateLimits.MAX_POLICY_YAML_BYTES) {
                problems.add("policyYaml: longer than " + StateLimits.MAX_POLICY_YAML_BYTES + " bytes");
                return Optional.empty();
            }
            resolved = new ResolvedPolicy("inline", 1, request.policyYaml());
        }
        PolicyParseResult parsed = PolicyParser.parse(resolved.yaml(), resolved.name());
        if (parsed instanceof PolicyParseResult.Invalid invalid) {
            invalid.errors().stream().map(PolicyError::toString).map(e -> "policy: " + e).forEach(problems::add);
            return Optional.empty();
        }
        return Optional.of(resolved);
    }

    private static void require(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": required");
        } else if (StateLimits.utf8Length(value) > StateLimits.MAX_ID_BYTES) {
            problems.add(field + ": longer than " + StateLimits.MAX_ID_BYTES + " bytes");
        }
    }

    /** Deterministic per tenant and key, so concurrent duplicates race for the same rollout id. */
    static String rolloutId(String tenant, String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((tenant + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return "r-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Every tenant is accepted; for single-tenant installations and tests. */
    public static Predicate<String> anyTenant() {
        return t -> true;
    }

    public static Predicate<String> tenants(Set<String> known) {
        return known::contains;
    }
}
