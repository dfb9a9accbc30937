package dev.rollgate.console.policies;

import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.Guard;
import dev.rollgate.console.security.Role;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Policies;
import dev.rollgate.core.state.PublishOutcome;
import dev.rollgate.core.state.StateLimits;
import dev.rollgate.core.state.StoredPolicy;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;

/**
 * The policies page: a tenant's policies (one query per page), their versions, validate/explain, and publishing a
 * new version, which only an ADMIN of the tenant may do (a policy decides what the gates let through).
 */
@Service
public class PolicyDesk {
    private final Policies policies;
    private final PolicyInterpreter interpreter;
    private final Clock clock;

    public PolicyDesk(Policies policies, PolicyInterpreter interpreter, Clock clock) {
        this.policies = policies;
        this.interpreter = interpreter;
        this.clock = clock;
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

    /** Publishes {@code yaml} as the next version of {@code name}; checked here whatever the page offers. */
    public PublishResult publish(ConsoleUser user, String tenant, String name, String yaml) {
        if (!user.has(Role.ADMIN)) {
            return new PublishResult.Refused("publishing a policy needs the ADMIN role");
        }
        if (tenant == null || !user.canSee(tenant)) {
            return new PublishResult.Refused("tenant " + tenant + " is not one of yours");
        }
        if (name == null || name.isBlank() || !name.strip().matches("[A-Za-z0-9._-]{1,128}")) {
            return new PublishResult.Refused("a policy name is 1 to 128 letters, digits, '.', '_' or '-'");
        }
        if (yaml != null && StateLimits.utf8Length(yaml) > StateLimits.MAX_POLICY_YAML_BYTES) {
            return new PublishResult.Refused("the policy is longer than " + StateLimits.MAX_POLICY_YAML_BYTES
                    + " bytes");
        }
        if (validate(yaml) instanceof PolicyReading.Invalid invalid) {
            return new PublishResult.Refused("the policy is invalid: " + String.join("; ", invalid.errors()));
        }
        String policyName = name.strip();
        long latest = policies.latest(tenant, policyName).map(StoredPolicy::version).orElse(0L);
        PublishOutcome outcome = policies.publish(tenant, policyName, latest, yaml, user.username(),
                clock.instant());
        if (outcome instanceof PublishOutcome.Published published) {
            return new PublishResult.Published(published.policy());
        }
        PublishOutcome.VersionConflict conflict = (PublishOutcome.VersionConflict) outcome;
        return new PublishResult.Refused("someone published version " + conflict.actualLatest() + " of "
                + policyName + " first; reload and try again");
    }
}
