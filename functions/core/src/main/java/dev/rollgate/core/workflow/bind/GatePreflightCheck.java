package dev.rollgate.core.workflow.bind;

import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.preflight.CheckResult;
import dev.rollgate.core.preflight.PreflightContext;
import dev.rollgate.core.preflight.PreflightGate;
import dev.rollgate.core.preflight.PreflightVerdict;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.workflow.PreflightCheck;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflow's {@link PreflightCheck} backed by the Cordum {@link PreflightGate}. Unavailable is a failure here:
 * the gate never passes when Cordum cannot answer.
 */
public final class GatePreflightCheck implements PreflightCheck {
    private final PreflightGate gate;

    public GatePreflightCheck(PreflightGate gate) {
        this.gate = gate;
    }

    @Override
    public Result check(Rollout rollout, RolloutPolicy policy, Instant now) {
        String stage = policy.stage(rollout.state().stageIndex()).name();
        PreflightVerdict verdict = gate.check(policy.preflight(),
                new PreflightContext(rollout.id(), rollout.tenant(), rollout.agent(), stage));
        Map<String, String> detail = detail(verdict.checks());
        if (verdict instanceof PreflightVerdict.Pass) {
            detail.put("verdict", "PASS");
            return new Result.Passed(detail);
        }
        if (verdict instanceof PreflightVerdict.NeedsApproval needs) {
            detail.put("verdict", "NEEDS_APPROVAL");
            return new Result.NeedsApproval(String.join("; ", needs.reasons()), detail);
        }
        if (verdict instanceof PreflightVerdict.Unavailable unavailable) {
            detail.put("verdict", "UNAVAILABLE");
            return new Result.Failed(unavailable.message(), detail);
        }
        detail.put("verdict", "FAIL");
        return new Result.Failed(String.join("; ", ((PreflightVerdict.Fail) verdict).reasons()), detail);
    }

    private static Map<String, String> detail(List<CheckResult> checks) {
        Map<String, String> detail = new LinkedHashMap<>();
        for (CheckResult c : checks) {
            detail.put(c.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + c.target(),
                    c.status() + (c.reasons().isEmpty() ? "" : ": " + String.join("; ", c.reasons())));
        }
        return detail;
    }
}
