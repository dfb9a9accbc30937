package dev.rollgate.console.policies;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.core.policy.PreflightSpec;
import dev.rollgate.core.preflight.CallOutcome;
import dev.rollgate.core.preflight.PolicyDecision;
import dev.rollgate.core.preflight.PolicyEvaluation;
import dev.rollgate.core.preflight.PolicyQuery;
import dev.rollgate.core.preflight.PolicySimulator;
import dev.rollgate.core.preflight.PreflightEvent;
import dev.rollgate.core.preflight.PreflightGate;
import dev.rollgate.core.preflight.PreflightVerdict;
import dev.rollgate.core.preflight.WorkflowDryRunner;
import dev.rollgate.core.state.StoredPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightDeskTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String WITH_PREFLIGHT = ConsoleFixture.POLICY_YAML + """
            preflight:
              topics: [job.support.reply, job.support.refund]
            """;

    private final List<PolicyQuery> simulated = new ArrayList<>();
    private final List<PreflightEvent> audited = new ArrayList<>();

    private PreflightDesk desk(PolicyDecision answer) {
        PolicySimulator simulator = new PolicySimulator() {
            @Override
            public CallOutcome<PolicyEvaluation> simulate(PolicyQuery query) {
                simulated.add(query);
                return new CallOutcome.Done<>(new PolicyEvaluation(answer, answer.name(), "rule says so", "r-1",
                        false, ""));
            }

            @Override
            public CallOutcome<PolicyEvaluation> simulateCandidate(PolicyQuery query, PreflightSpec.Bundle bundle) {
                return simulate(query);
            }
        };
        WorkflowDryRunner dryRunner = (tenant, workflow) -> new CallOutcome.Unavailable<>("not used");
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("gate", new PreflightGate(simulator, dryRunner, audited::add, Clock.fixed(NOW, ZoneOffset.UTC)));
        return new PreflightDesk(beans.getBeanProvider(PreflightGate.class), new CorePolicyInterpreter());
    }

    private static StoredPolicy stored(String yaml) {
        return new StoredPolicy(ConsoleFixture.ACME, "support-gates", 2, yaml, ConsoleFixture.ALICE, NOW);
    }

    @Test
    void an_operator_runs_the_policy_preflight_for_every_topic_without_a_rollout() {
        PreflightResult result = desk(PolicyDecision.ALLOW).run(ConsoleFixture.olga(), stored(WITH_PREFLIGHT));

        assertThat(result).isInstanceOfSatisfying(PreflightResult.Ran.class,
                ran -> assertThat(ran.verdict()).isInstanceOf(PreflightVerdict.Pass.class));
        assertThat(simulated).extracting(PolicyQuery::topic)
                .containsExactly("job.support.reply", "job.support.refund");
        assertThat(simulated).allSatisfy(q -> assertThat(q.tenant()).isEqualTo(ConsoleFixture.ACME));
        assertThat(audited).isNotEmpty();
    }

    @Test
    void a_deny_fails_the_preflight_and_the_page_lists_each_check() {
        PreflightResult result = desk(PolicyDecision.DENY).run(ConsoleFixture.olga(), stored(WITH_PREFLIGHT));
        Div target = new Div();

        PoliciesView.showPreflight(target, result);

        List<String> lines = target.getElement().getChildren().map(Element::getTextRecursively)
                .collect(Collectors.toList());
        assertThat(lines.get(0)).isEqualTo("Preflight: FAIL");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("job.support.reply").contains("FAILED"));
    }

    @Test
    void viewers_other_tenants_and_policies_without_checks_are_refused() {
        PreflightDesk desk = desk(PolicyDecision.ALLOW);

        assertThat(desk.run(ConsoleFixture.vera(), stored(WITH_PREFLIGHT)))
                .isEqualTo(new PreflightResult.Refused("running a preflight needs the OPERATOR role"));
        assertThat(desk.run(ConsoleFixture.olga(), new StoredPolicy("initech", "p", 1, WITH_PREFLIGHT, "x", NOW)))
                .isEqualTo(new PreflightResult.Refused("tenant initech is not one of yours"));
        assertThat(desk.run(ConsoleFixture.olga(), stored(ConsoleFixture.POLICY_YAML)))
                .isEqualTo(new PreflightResult.Refused("the policy lists no preflight topics, bundle or workflow"));
        assertThat(simulated).isEmpty();
    }

    @Test
    void without_a_cordum_connection_the_preflight_is_not_offered() {
        PreflightDesk none = new PreflightDesk(new StaticListableBeanFactory().getBeanProvider(PreflightGate.class),
                new CorePolicyInterpreter());

        assertThat(none.available()).isFalse();
        assertThat(none.run(ConsoleFixture.olga(), stored(WITH_PREFLIGHT)))
                .isEqualTo(new PreflightResult.Refused("no Cordum connection is configured for this console"));
    }
}
