package dev.rollgate.console.policies;

import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.Guard;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Policies;
import dev.rollgate.core.state.StoredPolicy;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** The policies page: a tenant's policies (one query per page), their versions, and validate/explain. */
@Service
public class PolicyDesk {
    private final Policies policies;
    private final PolicyInterpreter interpreter;

    public PolicyDesk(Policies policies, PolicyInterpreter interpreter) {
        this.policies = policies;
        this.interpreter = interpreter;
    }

    public Page<StoredPolicy> list(ConsoleUser user, String tenant, PageRequest page) {
        Guard.requireTenant(user, tenant);
        return policies.list(tenant, page);
    }

    public Optional<StoredPolicy> latest(ConsoleUser user, String tenant, String name) {
        Guard.requireTenant(user, tenant);
        return policies.latest(tenant, name);
    }

    /** A stored policy read under its stored name. */
    public PolicyReading read(StoredPolicy policy) {
        return interpreter.read(policy.yaml(), policy.name());
    }

    /** The same validation and explanation as the CLI's {@code policy validate} / {@code policy explain}. */
    public PolicyReading validate(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return new PolicyReading.Invalid(java.util.List.of("line 1: $: the policy is empty"));
        }
        return interpreter.read(yaml);
    }
}
