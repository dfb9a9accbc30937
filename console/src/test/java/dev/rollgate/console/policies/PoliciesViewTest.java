package dev.rollgate.console.policies;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.core.state.InMemoryPolicies;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PoliciesViewTest {
    private final PolicyDesk desk = new PolicyDesk(new InMemoryPolicies(), new CorePolicyInterpreter(),
            java.time.Clock.systemUTC());

    private static List<String> lines(Div target) {
        return target.getElement().getChildren().map(Element::getTextRecursively).collect(Collectors.toList());
    }

    @Test
    void a_valid_policy_is_explained_stage_by_stage_like_the_cli() {
        Div target = new Div();

        PoliciesView.showReading(target, desk.validate(ConsoleFixture.POLICY_YAML));

        assertThat(lines(target).get(0)).isEqualTo("Valid: policy, 4 stages");
        assertThat(lines(target)).anySatisfy(l -> assertThat(l).startsWith("2. canary-1 | canary | 10%"));
    }

    @Test
    void errors_name_line_and_path_and_markup_in_them_stays_text() {
        Div target = new Div();

        PoliciesView.showReading(target, desk.validate("stages:\n  - name: \"<b>x</b>\"\n    weight: 150\n"));

        assertThat(lines(target).get(0)).startsWith("Invalid:");
        assertThat(lines(target).subList(1, lines(target).size())).allSatisfy(l -> assertThat(l).startsWith("line "));
        target.getElement().getChildren().skip(1).forEach(e ->
                assertThat(e.getChildren().filter(c -> !c.isTextNode())).as("no element parsed from text").isEmpty());
    }

    @Test
    void an_empty_document_is_an_error_not_a_default_policy() {
        assertThat(desk.validate("  ")).isEqualTo(new PolicyReading.Invalid(List.of("line 1: $: the policy is empty")));
    }
}
