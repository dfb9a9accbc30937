package dev.rollgate.console.policies;

import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.Role;
import dev.rollgate.core.policy.PreflightSpec;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.preflight.PreflightContext;
import dev.rollgate.core.preflight.PreflightGate;
import dev.rollgate.core.state.StoredPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Runs a policy's Cordum preflight (policy simulation and workflow dry-run) without starting a rollout, through
 * the same fail-closed gate the workflow uses. Only operators may run it: it calls Cordum on the tenant's behalf.
 * Without a Cordum connection configured the button is not offered and a direct call is refused.
 */
@Service
public class PreflightDesk {
    private final ObjectProvider<PreflightGate> gate;
    private final PolicyInterpreter interpreter;

    public PreflightDesk(ObjectProvider<PreflightGate> gate, PolicyInterpreter interpreter) {
        this.gate = gate;
        this.interpreter = interpreter;
    }

    public boolean available() {
        return gate.getIfAvailable() != null;
    }

    public PreflightResult run(ConsoleUser user, StoredPolicy stored) {
        PreflightGate preflight = gate.getIfAvailable();
        if (preflight == null) {
            return new PreflightResult.Refused("no Cordum connection is configured for this console");
        }
        if (!user.has(Role.OPERATOR)) {
            return new PreflightResult.Refused("running a preflight needs the OPERATOR role");
        }
        if (!user.canSee(stored.tenant())) {
            return new PreflightResult.Refused("tenant " + stored.tenant() + " is not one of yours");
        }
        if (!(interpreter.read(stored.yaml(), stored.name()) instanceof PolicyReading.Valid valid)) {
            return new PreflightResult.Refused("the policy is invalid; validate it first");
        }
        RolloutPolicy policy = valid.policy();
        PreflightSpec spec = policy.preflight();
        if (spec.topics().isEmpty() && spec.bundle().isEmpty() && spec.workflow().isEmpty()) {
            return new PreflightResult.Refused("the policy lists no preflight topics, bundle or workflow");
        }
        String firstStage = policy.stages().isEmpty() ? "shadow" : policy.stage(0).name();
        // No rollout exists yet: the context names the policy version instead, so Cordum's audit shows the source.
        PreflightContext context = new PreflightContext("preflight:" + stored.name() + "@" + stored.version(),
                stored.tenant(), "policy:" + stored.name(), firstStage);
        return new PreflightResult.Ran(preflight.check(spec, context));
    }
}
