package dev.rollgate.console.input;

import dev.rollgate.console.approvals.ApprovalDesk;
import dev.rollgate.console.approvals.DecisionResult;
import dev.rollgate.console.operations.ActionResult;
import dev.rollgate.console.operations.OperatorActions;
import dev.rollgate.console.policies.CorePolicyInterpreter;
import dev.rollgate.console.policies.PolicyDesk;
import dev.rollgate.console.policies.PolicyReading;
import dev.rollgate.console.rollouts.RolloutFilter;
import dev.rollgate.console.rollouts.RolloutQueries;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.core.approval.InMemoryApprovalCallback;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.operations.InMemoryRolloutControl;
import dev.rollgate.core.operations.RolloutControl;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.CreateOutcome;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.NewRollout;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutChange;
import dev.rollgate.core.state.Rollouts;
import dev.rollgate.core.state.StateAccessException;
import dev.rollgate.core.state.StateLimits;
import dev.rollgate.core.state.StateStores;
import dev.rollgate.core.state.UpdateOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static dev.rollgate.console.support.ConsoleFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oversized free text sent to the console's services, whatever the page allows (a crafted request can send any
 * length): refused on the server with a message, nothing stored, nothing handed to the workflow.
 */
class OversizedInputTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Over the limit in bytes while under it in characters: the limit is on the stored UTF-8 size. */
    private static final String MULTIBYTE_OVER = "ü".repeat(StateLimits.MAX_TEXT_BYTES / 2 + 1);

    private final StateStores stores = InMemoryStateStores.create();
    private final InMemoryApprovalCallback callback = new InMemoryApprovalCallback();
    private final InMemoryRolloutControl control = new InMemoryRolloutControl();
    private Rollout rollout;
    private ApprovalRequest request;

    @BeforeEach
    void setUp() {
        rollout = ConsoleFixture.start(stores, ACME, "support-agent", ConsoleFixture.ALICE, NOW.minusSeconds(600));
        ConsoleFixture.move(stores, rollout.id(), RolloutStatus.HOLD, 1, 10, Optional.empty(), NOW.minusSeconds(300));
        request = ConsoleFixture.requestApproval(stores, rollout, "canary-1", "marginal-score", NOW.minusSeconds(60),
                Duration.ofHours(2));
    }

    private int historySize() {
        return stores.history().read(rollout.id(), PageRequest.first(500)).items().size();
    }

    @Test
    void anOversizedApprovalReasonIsRefusedAndTheApprovalStaysPending() {
        ApprovalDesk desk = new ApprovalDesk(stores.approvals(), stores.rollouts(), stores.history(), callback, CLOCK);
        int before = historySize();

        for (String reason : new String[] {"r".repeat(StateLimits.MAX_TEXT_BYTES + 1), MULTIBYTE_OVER,
                "x".repeat(5_000_000)}) {
            assertThat(desk.decide(ConsoleFixture.bob(), request.id(), ApprovalStatus.APPROVED, reason))
                    .isEqualTo(new DecisionResult.Refused("the reason is longer than " + StateLimits.MAX_TEXT_BYTES
                            + " bytes"));
        }

        assertThat(stores.approvals().get(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(callback.deliveries()).isEmpty();
        assertThat(historySize()).isEqualTo(before);
        assertThat(desk.decide(ConsoleFixture.bob(), request.id(), ApprovalStatus.APPROVED,
                "r".repeat(StateLimits.MAX_TEXT_BYTES))).isEqualTo(new DecisionResult.Decided(ApprovalStatus.APPROVED));
    }

    @Test
    void oversizedOperatorReasonsAreRefusedAndNothingReachesTheWorkflow() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("control", control);
        OperatorActions actions = new OperatorActions(stores.rollouts(), stores.history(),
                beans.getBeanProvider(RolloutControl.class), new CorePolicyInterpreter(), CLOCK);
        int before = historySize();
        String refusal = "the reason is longer than " + StateLimits.MAX_TEXT_BYTES + " bytes";

        assertThat(actions.abort(ConsoleFixture.olga(), rollout.id(), MULTIBYTE_OVER))
                .isEqualTo(new ActionResult.Refused(refusal));
        assertThat(actions.rerunFromStage(ConsoleFixture.olga(), rollout.id(), "canary-1", "y".repeat(1_000_000)))
                .isInstanceOf(ActionResult.Refused.class);

        assertThat(control.requests()).isEmpty();
        assertThat(historySize()).isEqualTo(before);
    }

    @Test
    void anOversizedPolicyToValidateIsRefusedWithAMessage() {
        PolicyDesk desk = new PolicyDesk(stores.policies(), new CorePolicyInterpreter(), CLOCK);

        PolicyReading reading = desk.validate("# pad\n".repeat(100_000) + ConsoleFixture.POLICY_YAML);

        assertThat(reading).isInstanceOfSatisfying(PolicyReading.Invalid.class,
                invalid -> assertThat(invalid.errors()).singleElement().asString().contains("larger than"));
    }

    @Test
    void anOversizedAgentFilterFindsNothingWithoutQueryingTheStore() {
        // DynamoDB refuses partition keys over 2048 bytes with an error; no stored agent is longer than an id.
        RolloutQueries queries = new RolloutQueries(new KeyLimitedRollouts(stores.rollouts()),
                new CorePolicyInterpreter(), CLOCK);

        Page<?> page = queries.list(ConsoleFixture.olga(), new RolloutFilter(ACME, Optional.empty(),
                Optional.of("a".repeat(100_000))), PageRequest.first(20));

        assertThat(page.items()).isEmpty();
        assertThat(queries.list(ConsoleFixture.olga(), new RolloutFilter(ACME, Optional.empty(),
                Optional.of("support-agent")), PageRequest.first(20)).items()).hasSize(1);
    }

    /** Rollouts that fail on over-long keys the way DynamoDB does. */
    private record KeyLimitedRollouts(Rollouts inner) implements Rollouts {
        private static String key(String value) {
            if (StateLimits.utf8Length(value) > 2048) {
                throw new StateAccessException("listing rollouts failed",
                        new IllegalArgumentException("One or more parameter values were invalid: key too long"));
            }
            return value;
        }

        @Override
        public CreateOutcome create(NewRollout request, Instant now) {
            return inner.create(request, now);
        }

        @Override
        public Optional<Rollout> get(String rolloutId) {
            return inner.get(key(rolloutId));
        }

        @Override
        public UpdateOutcome update(RolloutChange change) {
            return inner.update(change);
        }

        @Override
        public Page<Rollout> listByStatus(String tenant, RolloutStatus status, PageRequest page) {
            return inner.listByStatus(key(tenant), status, page);
        }

        @Override
        public Page<Rollout> listByTenant(String tenant, PageRequest page) {
            return inner.listByTenant(key(tenant), page);
        }

        @Override
        public Page<Rollout> listByAgent(String tenant, String agent, PageRequest page) {
            key(tenant + "#" + agent);
            return inner.listByAgent(tenant, agent, page);
        }
    }
}
