package dev.rollgate.core.preflight;

import dev.rollgate.core.policy.PreflightSpec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The fail-closed preflight: before traffic moves to a stage, simulate every policy topic (against the active policy
 * and the candidate bundle, if any) and dry-run the workflow. Traffic may move only on {@link PreflightVerdict.Pass}.
 *
 * <p>Once the service is found unavailable the remaining calls are skipped: each would spend its own time budget
 * against a service that is down, and the verdict cannot become a pass anyway.
 */
public final class PreflightGate {
    private final PolicySimulator simulator;
    private final WorkflowDryRunner dryRunner;
    private final PreflightAudit audit;
    private final Clock clock;

    public PreflightGate(PolicySimulator simulator, WorkflowDryRunner dryRunner, PreflightAudit audit, Clock clock) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.dryRunner = Objects.requireNonNull(dryRunner, "dryRunner");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PreflightVerdict check(PreflightSpec spec, PreflightContext context) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(context, "context");
        Run run = new Run(context, spec.allowConstraints());

        for (String topic : spec.topics()) {
            PolicyQuery query = new PolicyQuery(context.tenant(), topic, context.labels());
            run.call(CheckKind.POLICY_SIMULATION, topic, () -> simulator.simulate(query), run::judgeSimulation);
        }
        spec.bundle().ifPresent(bundle -> {
            if (spec.topics().isEmpty()) {
                run.add(new CheckResult(CheckKind.CANDIDATE_BUNDLE_SIMULATION, bundle.id(), CheckStatus.FAILED,
                        List.of("candidate bundle " + bundle.id() + " cannot be checked: the preflight lists no topics")),
                        Duration.ZERO);
            }
            for (String topic : spec.topics()) {
                PolicyQuery query = new PolicyQuery(context.tenant(), topic, context.labels());
                run.call(CheckKind.CANDIDATE_BUNDLE_SIMULATION, bundle.id() + "/" + topic,
                        () -> simulator.simulateCandidate(query, bundle), run::judgeSimulation);
            }
        });
        spec.workflow().ifPresent(workflow -> run.call(CheckKind.WORKFLOW_DRY_RUN, workflow.id(),
                () -> dryRunner.dryRun(context.tenant(), workflow), run::judgeDryRun));

        PreflightVerdict verdict = run.verdict();
        audit.record(new PreflightEvent(context.rolloutId(), context.stage(), clock.instant(), Duration.ZERO,
                new CheckResult(CheckKind.VERDICT, context.rolloutId(), statusOf(verdict), summaryOf(verdict))));
        return verdict;
    }

    private static CheckStatus statusOf(PreflightVerdict verdict) {
        if (verdict instanceof PreflightVerdict.Pass) {
            return CheckStatus.PASSED;
        } else if (verdict instanceof PreflightVerdict.Fail) {
            return CheckStatus.FAILED;
        } else if (verdict instanceof PreflightVerdict.NeedsApproval) {
            return CheckStatus.NEEDS_APPROVAL;
        }
        return CheckStatus.UNAVAILABLE;
    }

    private static List<String> summaryOf(PreflightVerdict verdict) {
        if (verdict instanceof PreflightVerdict.Fail fail) {
            return fail.reasons();
        } else if (verdict instanceof PreflightVerdict.NeedsApproval needs) {
            return needs.reasons();
        } else if (verdict instanceof PreflightVerdict.Unavailable unavailable) {
            return List.of(unavailable.message());
        }
        return List.of("all " + verdict.checks().size() + " checks passed");
    }

    /** The state of one preflight: the checks so far and whether the service was found unavailable. */
    private final class Run {
        private final PreflightContext context;
        private final boolean allowConstraints;
        private final List<CheckResult> checks = new ArrayList<>();
        private String unavailableCause;

        Run(PreflightContext context, boolean allowConstraints) {
            this.context = context;
            this.allowConstraints = allowConstraints;
        }

        <T> void call(CheckKind kind, String target, Supplier<CallOutcome<T>> call, Judge<T> judge) {
            if (unavailableCause != null) {
                add(new CheckResult(kind, target, CheckStatus.SKIPPED,
                        List.of("not called: " + PreflightVerdict.UNAVAILABLE_MESSAGE)), Duration.ZERO);
                return;
            }
            Instant start = clock.instant();
            CallOutcome<T> outcome = invoke(call);
            Duration elapsed = Duration.between(start, clock.instant());
            CheckResult result;
            if (outcome instanceof CallOutcome.Done<T> done) {
                result = judge.judge(kind, target, done.value());
            } else if (outcome instanceof CallOutcome.Refused<T> refused) {
                result = refusal(kind, target, refused);
            } else {
                result = unavailable(kind, target, ((CallOutcome.Unavailable<T>) outcome).cause());
            }
            add(result, elapsed);
        }

        private <T> CallOutcome<T> invoke(Supplier<CallOutcome<T>> call) {
            try {
                return Objects.requireNonNull(call.get(), "a policy service port returned null");
            } catch (RuntimeException e) {
                // Fail closed on anything the adapter did not expect, too.
                return CallOutcome.unavailable("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        private CheckResult refusal(CheckKind kind, String target, CallOutcome.Refused<?> refused) {
            String text = "HTTP " + refused.status() + (refused.code().isEmpty() ? "" : " " + refused.code())
                    + (refused.message().isEmpty() ? "" : " (" + refused.message() + ")");
            // Our own credentials or tenant set-up, or throttling: the release itself was not judged.
            if (refused.status() == 401 || refused.status() == 403 || refused.status() == 429) {
                return unavailable(kind, target, text);
            }
            return new CheckResult(kind, target, CheckStatus.FAILED, List.of(target + ": refused with " + text));
        }

        private CheckResult unavailable(CheckKind kind, String target, String cause) {
            unavailableCause = target + ": " + cause;
            return new CheckResult(kind, target, CheckStatus.UNAVAILABLE, List.of(cause));
        }

        void add(CheckResult result, Duration elapsed) {
            checks.add(result);
            audit.record(new PreflightEvent(context.rolloutId(), context.stage(), clock.instant(), elapsed, result));
        }

        CheckResult judgeSimulation(CheckKind kind, String target, PolicyEvaluation evaluation) {
            String detail = describe(evaluation.rawDecision(), evaluation.reason(), evaluation.ruleId());
            CheckStatus status = switch (evaluation.decision()) {
                case ALLOW -> evaluation.approvalRequired() ? CheckStatus.NEEDS_APPROVAL : CheckStatus.PASSED;
                case ALLOW_WITH_CONSTRAINTS -> !allowConstraints ? CheckStatus.FAILED
                        : evaluation.approvalRequired() ? CheckStatus.NEEDS_APPROVAL : CheckStatus.PASSED;
                case REQUIRE_HUMAN -> CheckStatus.NEEDS_APPROVAL;
                case DENY, THROTTLE, UNSPECIFIED, QUARANTINE, REDACT, UNRECOGNIZED -> CheckStatus.FAILED;
            };
            String line = target + ": " + detail;
            if (evaluation.decision() == PolicyDecision.ALLOW_WITH_CONSTRAINTS && !allowConstraints) {
                line += " (constraints are not accepted: preflight allowConstraints is false)";
            } else if (evaluation.decision() == PolicyDecision.UNRECOGNIZED) {
                line += " (unrecognized decision value, treated as not allowed)";
            }
            return new CheckResult(kind, target, status, List.of(line));
        }

        CheckResult judgeDryRun(CheckKind kind, String target, DryRunReport report) {
            List<String> failed = new ArrayList<>();
            List<String> approvals = new ArrayList<>();
            for (DryRunStep step : report.steps()) {
                String line = target + " step " + step.stepId() + ": "
                        + describe(step.rawDecision(), step.reason(), step.ruleId());
                switch (step.decision()) {
                    case ALLOW, NOT_APPLICABLE -> { }
                    case ALLOW_WITH_CONSTRAINTS -> {
                        if (!allowConstraints) {
                            failed.add(line + " (constraints are not accepted: preflight allowConstraints is false)");
                        }
                    }
                    case REQUIRE_APPROVAL -> approvals.add(line);
                    case DENY, THROTTLE, UNKNOWN, ERROR -> failed.add(line);
                    case UNRECOGNIZED -> failed.add(line + " (unrecognized decision value, treated as not allowed)");
                }
            }
            if (!failed.isEmpty()) {
                return new CheckResult(kind, target, CheckStatus.FAILED, failed);
            } else if (!approvals.isEmpty()) {
                return new CheckResult(kind, target, CheckStatus.NEEDS_APPROVAL, approvals);
            }
            return new CheckResult(kind, target, CheckStatus.PASSED,
                    List.of(target + ": " + report.steps().size() + " steps allowed"));
        }

        PreflightVerdict verdict() {
            List<String> failures = reasonsWith(CheckStatus.FAILED);
            if (!failures.isEmpty()) {
                return new PreflightVerdict.Fail(failures, checks);
            } else if (unavailableCause != null) {
                return new PreflightVerdict.Unavailable(unavailableCause, checks);
            }
            List<String> approvals = reasonsWith(CheckStatus.NEEDS_APPROVAL);
            if (!approvals.isEmpty()) {
                return new PreflightVerdict.NeedsApproval(approvals, checks);
            }
            return new PreflightVerdict.Pass(checks);
        }

        private List<String> reasonsWith(CheckStatus status) {
            return checks.stream().filter(c -> c.status() == status).flatMap(c -> c.reasons().stream()).toList();
        }

        private static String describe(String decision, String reason, String ruleId) {
            return decision + (reason.isEmpty() ? "" : " - " + reason) + (ruleId.isEmpty() ? "" : " [rule " + ruleId + "]");
        }
    }

    @FunctionalInterface
    private interface Judge<T> {
        CheckResult judge(CheckKind kind, String target, T answer);
    }
}
