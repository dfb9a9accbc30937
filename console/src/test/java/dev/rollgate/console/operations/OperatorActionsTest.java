package dev.rollgate.console.operations;

import dev.rollgate.console.policies.CorePolicyInterpreter;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.operations.InMemoryRolloutControl;
import dev.rollgate.core.operations.RolloutControl;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.rollgate.console.support.ConsoleFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

class OperatorActionsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private StateStores stores;
    private InMemoryRolloutControl control;
    private OperatorActions actions;
    private Rollout rollout;

    @BeforeEach
    void setUp() {
        stores = InMemoryStateStores.create();
        control = new InMemoryRolloutControl();
        actions = actions(control);
        rollout = ConsoleFixture.start(stores, ACME, "support-agent", ConsoleFixture.ALICE, NOW.minusSeconds(600));
        ConsoleFixture.move(stores, rollout.id(), RolloutStatus.CANARY, 1, 10, Optional.empty(), NOW.minusSeconds(300));
    }

    private OperatorActions actions(RolloutControl rolloutControl) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (rolloutControl != null) {
            beans.addBean("control", rolloutControl);
        }
        return new OperatorActions(stores.rollouts(), stores.history(), beans.getBeanProvider(RolloutControl.class),
                new CorePolicyInterpreter(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void an_operator_abort_is_recorded_with_their_identity_and_handed_to_the_workflow() {
        ActionResult result = actions.abort(ConsoleFixture.olga(), rollout.id(), "customer complaints");

        assertThat(result).isEqualTo(new ActionResult.Requested());
        assertThat(control.requests()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("abort");
            assertThat(r.operator()).isEqualTo(ConsoleFixture.OLGA);
            assertThat(r.reason()).isEqualTo("customer complaints");
        });
        HistoryEvent last = lastEvent();
        assertThat(last.type()).isEqualTo("OPERATOR_ABORT_REQUESTED");
        assertThat(last.actor()).isEqualTo(ConsoleFixture.OLGA);
        assertThat(last.detail()).containsEntry("reason", "customer complaints");
    }

    @Test
    void a_viewer_or_approver_cannot_abort() {
        assertThat(actions.abort(ConsoleFixture.vera(), rollout.id(), "x"))
                .isEqualTo(new ActionResult.Refused("abort and rerun need the OPERATOR role"));
        assertThat(actions.abort(ConsoleFixture.bob(), rollout.id(), "x")).isInstanceOf(ActionResult.Refused.class);
        assertThat(control.requests()).isEmpty();
    }

    @Test
    void rerun_names_a_stage_of_the_rollouts_policy() {
        assertThat(actions.rerunFromStage(ConsoleFixture.olga(), rollout.id(), "canary-1", "fixed the prompt"))
                .isEqualTo(new ActionResult.Requested());
        assertThat(actions.rerunFromStage(ConsoleFixture.olga(), rollout.id(), "canary-9", "typo"))
                .isEqualTo(new ActionResult.Refused("the rollout's policy has no stage named 'canary-9'"));
        assertThat(control.requests()).extracting(InMemoryRolloutControl.Request::stageName)
                .containsExactly(Optional.of("canary-1"));
        assertThat(lastEvent().detail()).containsEntry("stage", "canary-1");
    }

    @Test
    void an_ended_rollout_cannot_be_aborted_and_a_reason_is_required() {
        assertThat(actions.abort(ConsoleFixture.olga(), rollout.id(), " "))
                .isEqualTo(new ActionResult.Refused("a reason is required"));
        ConsoleFixture.move(stores, rollout.id(), RolloutStatus.ROLLED_BACK, 1, 0, Optional.empty(), NOW);
        assertThat(actions.abort(ConsoleFixture.olga(), rollout.id(), "again"))
                .isEqualTo(new ActionResult.Refused("the rollout has already ended (ROLLED_BACK)"));
    }

    @Test
    void without_a_workflow_connection_the_actions_are_refused_with_a_clear_message() {
        assertThat(actions(null).abort(ConsoleFixture.olga(), rollout.id(), "stop"))
                .isEqualTo(new ActionResult.Refused("operator actions are not connected to a workflow in this"
                        + " deployment"));
    }

    private HistoryEvent lastEvent() {
        List<HistoryEvent> events = stores.history().read(rollout.id(), PageRequest.first(100)).items();
        return events.get(events.size() - 1);
    }
}
