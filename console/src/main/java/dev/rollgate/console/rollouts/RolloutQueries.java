package dev.rollgate.console.rollouts;

import dev.rollgate.console.policies.PolicyInterpreter;
import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.Guard;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.Rollouts;
import dev.rollgate.core.state.StateLimits;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rollouts list: one query per page on the tenant's key (by status or by agent when filtered), newest first.
 * With both a status and an agent the agent query is used and the page is narrowed to the status, so a page may
 * hold fewer rows than asked for; paging still follows the query's cursor.
 */
@Service
public class RolloutQueries {
    private final Rollouts rollouts;
    private final PolicyInterpreter interpreter;
    private final Clock clock;

    public RolloutQueries(Rollouts rollouts, PolicyInterpreter interpreter, Clock clock) {
        this.rollouts = rollouts;
        this.interpreter = interpreter;
        this.clock = clock;
    }

    public Page<RolloutRow> list(ConsoleUser user, RolloutFilter filter, PageRequest page) {
        Guard.requireTenant(user, filter.tenant());
        Page<Rollout> found;
        if (filter.agent().isPresent()
                && StateLimits.utf8Length(filter.agent().get()) > StateLimits.MAX_ID_BYTES) {
            // No agent name is longer than an id (starts refuse them); the store would refuse the key.
            return new Page<>(List.of(), Optional.empty());
        } else if (filter.agent().isPresent()) {
            found = rollouts.listByAgent(filter.tenant(), filter.agent().get(), page);
        } else if (filter.status().isPresent()) {
            found = rollouts.listByStatus(filter.tenant(), filter.status().get(), page);
        } else {
            found = rollouts.listByTenant(filter.tenant(), page);
        }
        Instant now = clock.instant();
        return new Page<>(found.items().stream()
                .filter(r -> filter.status().map(s -> s == r.state().status()).orElse(true))
                .map(r -> row(r, now)).toList(), found.nextCursor());
    }

    /** The rollout when it exists and belongs to one of the user's tenants; other tenants' rollouts are absent. */
    public Optional<Rollout> find(ConsoleUser user, String rolloutId) {
        return rollouts.get(rolloutId).filter(r -> user.canSee(r.tenant()));
    }

    private RolloutRow row(Rollout r, Instant now) {
        Optional<RolloutPolicy> policy = StageNames.policyOf(r, interpreter);
        return new RolloutRow(r.id(), r.tenant(), r.agent(), r.candidateVersion(), r.baselineVersion(),
                r.state().status(), StageNames.stageName(policy, r.state().stageIndex()), r.state().trafficWeight(),
                r.lastScore(), r.createdAt(), Duration.between(r.createdAt(), now));
    }
}
