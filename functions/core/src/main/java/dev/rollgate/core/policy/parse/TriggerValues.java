package dev.rollgate.core.policy.parse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a {@code rollback_triggers} block may set, as read; absent keys stay empty so the caller can tell
 * "not given" from "given".
 */
record TriggerValues(Optional<Double> maxErrorRateRatio, Optional<Double> maxPolicyDenyRate,
                     Optional<List<String>> overloadCodes, Optional<Duration> overloadSustainedFor,
                     Optional<Integer> maxApprovalBacklog, Optional<Double> maxParseFailureRatio,
                     Optional<Double> maxSafetyDenyRatio, Optional<Double> alpha) {

    static final Set<String> KEYS = Set.of("max_error_rate_delta", "max_policy_deny_rate", "overload_reason_codes",
            "overload_sustained_minutes", "max_approval_backlog", "max_parse_failure_ratio",
            "max_safety_deny_ratio", "alpha");

    /** Scheduler reason codes from CORDUM_API.md that signal overload. */
    static final Set<String> OVERLOAD_CODES = Set.of("no_pool_mapping", "no_workers", "pool_overloaded",
            "tenant_limit", "tier_limit_exceeded", "dispatch_failed");

    static final TriggerValues NONE = new TriggerValues(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    static TriggerValues read(PolicyNode node) {
        return node.mapping(KEYS).map(f -> new TriggerValues(
                f.get("max_error_rate_delta").flatMap(n -> n.number(1.0, false, 1000)),
                f.get("max_policy_deny_rate").flatMap(n -> n.number(0, false, 1)),
                f.get("overload_reason_codes").flatMap(TriggerValues::codes),
                f.get("overload_sustained_minutes").flatMap(n -> n.number(0, true, 24 * 60))
                        .map(m -> Duration.ofSeconds(Math.round(m * 60))),
                f.get("max_approval_backlog").flatMap(n -> n.integer(0, 1_000_000)),
                f.get("max_parse_failure_ratio").flatMap(n -> n.number(1.0, false, 1000)),
                f.get("max_safety_deny_ratio").flatMap(n -> n.number(1.0, false, 1000)),
                f.get("alpha").flatMap(n -> n.number(0, true, 0.2))))
                .orElse(NONE);
    }

    private static Optional<List<String>> codes(PolicyNode node) {
        return node.sequence().flatMap(items -> {
            if (items.isEmpty()) {
                node.errors().add(node, "must name at least one reason code");
                return Optional.empty();
            }
            boolean ok = true;
            List<String> codes = new java.util.ArrayList<>();
            for (PolicyNode item : items) {
                Optional<String> code = item.string();
                if (code.isEmpty()) {
                    ok = false;
                } else if (!OVERLOAD_CODES.contains(code.get())) {
                    item.errors().add(item, "unknown overload reason code '" + code.get() + "'; known: "
                            + String.join(", ", OVERLOAD_CODES.stream().sorted().toList()));
                    ok = false;
                } else {
                    codes.add(code.get());
                }
            }
            return ok ? Optional.of(List.copyOf(codes)) : Optional.empty();
        });
    }

    /** This block's values over {@code base}: what is given here wins. */
    GateDefaults over(GateDefaults base) {
        return new GateDefaults(base.minDataPoints(), base.canaryLifetime(), base.metricInterval(), base.score(),
                maxErrorRateRatio.orElse(base.maxErrorRateRatio()),
                maxPolicyDenyRate.orElse(base.maxPolicyDenyRate()),
                overloadCodes.orElse(base.overloadCodes()),
                overloadSustainedFor.orElse(base.overloadSustainedFor()),
                maxApprovalBacklog.orElse(base.maxApprovalBacklog()),
                maxParseFailureRatio.orElse(base.maxParseFailureRatio()),
                maxSafetyDenyRatio.orElse(base.maxSafetyDenyRatio()),
                alpha.orElse(base.alpha()), base.bake(), base.shadowDuration());
    }
}
