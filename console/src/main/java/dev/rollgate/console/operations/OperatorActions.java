package dev.rollgate.console.operations;

import dev.rollgate.console.policies.PolicyInterpreter;
import dev.rollgate.console.policies.PolicyReading;
import dev.rollgate.console.rollouts.HistoryVocabulary;
import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.Role;
import dev.rollgate.core.operations.ControlOutcome;
import dev.rollgate.core.operations.RolloutControl;
import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutHistory;
import dev.rollgate.core.state.Rollouts;
import dev.rollgate.core.state.StateLimits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Abort and rerun-from-stage. Checked here on the server (OPERATOR role, tenant, a running rollout, a reason, a
 * stage the policy has), recorded in the rollout's history with the operator's identity, then handed to the
 * workflow through {@link RolloutControl}. A deployment without a workflow connection refuses both actions
 * with a message saying so.
 */
@Service
public class OperatorActions {
    private final Rollouts rollouts;
    private final RolloutHistory history;
    private final ObjectProvider<RolloutControl> control;
    private final PolicyInterpreter interpreter;
    private final Clock clock;

    public OperatorActions(Rollouts rollouts, RolloutHistory history, ObjectProvider<RolloutControl> control,
                           PolicyInterpreter interpreter, Clock clock) {
        this.rollouts = rollouts;
        this.history = history;
        this.control = control;
        this.interpreter = interpreter;
        this.clock = clock;
    }

    public ActionResult abort(ConsoleUser user, String rolloutId, String reason) {
        Optional<String> refusal = check(user, rolloutId, reason, true);
        if (refusal.isPresent()) {
            return new ActionResult.Refused(refusal.get());
        }
        Instant now = clock.instant();
        history.append(rolloutId, new HistoryEntry(now, HistoryVocabulary.OPERATOR_ABORT, user.username(),
                "ABORT_REQUESTED", Map.of(HistoryVocabulary.REASON, reason.strip())));
        return outcome(rolloutId, user, workflow().abort(rolloutId, user.username(), reason.strip(), now));
    }

    public ActionResult rerunFromStage(ConsoleUser user, String rolloutId, String stageName, String reason) {
        Optional<String> refusal = check(user, rolloutId, reason, false);
        if (refusal.isPresent()) {
            return new ActionResult.Refused(refusal.get());
        }
        Rollout rollout = rollouts.get(rolloutId).orElseThrow();
        if (!(interpreter.read(rollout.policyYaml()) instanceof PolicyReading.Valid valid)
                || valid.policy().stageNamed(stageName == null ? "" : stageName).isEmpty()) {
            return new ActionResult.Refused("the rollout's policy has no stage named '" + stageName + "'");
        }
        Instant now = clock.instant();
        history.append(rolloutId, new HistoryEntry(now, HistoryVocabulary.OPERATOR_RERUN, user.username(),
                "RERUN_REQUESTED", Map.of(HistoryVocabulary.REASON, reason.strip(), HistoryVocabulary.STAGE,
                stageName)));
        return outcome(rolloutId, user, workflow().rerunFromStage(rolloutId, stageName, user.username(),
                reason.strip(), now));
    }

    private RolloutControl workflow() {
        return control.getObject();
    }

    private Optional<String> check(ConsoleUser user, String rolloutId, String reason, boolean mustBeRunning) {
        if (control.getIfAvailable() == null) {
            return Optional.of("operator actions are not connected to a workflow in this deployment");
        }
        if (!user.has(Role.OPERATOR)) {
            return Optional.of("abort and rerun need the OPERATOR role");
        }
        Optional<Rollout> rollout = rollouts.get(rolloutId).filter(r -> user.canSee(r.tenant()));
        if (rollout.isEmpty()) {
            return Optional.of("no such rollout in your tenants");
        }
        if (mustBeRunning && rollout.get().state().status().isTerminal()) {
            return Optional.of("the rollout has already ended (" + rollout.get().state().status() + ")");
        }
        if (reason == null || reason.isBlank()) {
            return Optional.of("a reason is required");
        }
        if (StateLimits.utf8Length(reason) > StateLimits.MAX_TEXT_BYTES) {
            return Optional.of("the reason is longer than " + StateLimits.MAX_TEXT_BYTES + " bytes");
        }
        return Optional.empty();
    }

    private ActionResult outcome(String rolloutId, ConsoleUser user, ControlOutcome outcome) {
        if (outcome instanceof ControlOutcome.Refused refused) {
            history.append(rolloutId, new HistoryEntry(clock.instant(), HistoryVocabulary.OPERATOR_REFUSED,
                    "system:workflow", "", Map.of("operator", user.username(), HistoryVocabulary.REASON,
                    refused.reason())));
            return new ActionResult.Refused("the workflow refused: " + refused.reason());
        }
        return new ActionResult.Requested();
    }
}
