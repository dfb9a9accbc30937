package dev.rollgate.console.policies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.CurrentUser;
import dev.rollgate.console.security.Role;
import dev.rollgate.console.ui.Durations;
import dev.rollgate.core.preflight.CheckResult;
import dev.rollgate.core.preflight.PreflightVerdict;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.StoredPolicy;
import jakarta.annotation.security.PermitAll;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A tenant's policies (latest version of each), the YAML of one with its explanation, and a scratch area that
 * validates and explains any YAML the way the CLI does. Nothing here changes stored policies.
 */
@Route("policies")
@PageTitle("Policies · rollgate")
@PermitAll
public class PoliciesView extends VerticalLayout {
    static final int PAGE_SIZE = 25;

    private final PolicyDesk desk;
    private final PreflightDesk preflight;
    private final ConsoleUser user;
    private final Select<String> tenant = new Select<>();
    private final Grid<StoredPolicy> grid = new Grid<>(StoredPolicy.class, false);
    private final Button previous = new Button("Previous");
    private final Button next = new Button("Next");
    private final Div selected = new Div();
    private final TextArea scratch = new TextArea("Policy YAML");
    private final Div scratchResult = new Div();
    private final Deque<Optional<String>> earlier = new ArrayDeque<>();
    private Optional<String> current = Optional.empty();
    private Optional<String> following = Optional.empty();

    public PoliciesView(PolicyDesk desk, PreflightDesk preflight, CurrentUser currentUser) {
        this.desk = desk;
        this.preflight = preflight;
        this.user = currentUser.get();
        setWidthFull();

        tenant.setLabel("Tenant");
        tenant.setItems(user.tenants());
        tenant.setValue(user.tenants().first());
        tenant.setId("policy-tenant");
        tenant.addValueChangeListener(e -> {
            earlier.clear();
            current = Optional.empty();
            load();
        });

        grid.setId("policies-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(StoredPolicy::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(p -> "v" + p.version()).setHeader("Version");
        grid.addColumn(StoredPolicy::author).setHeader("Author");
        grid.addColumn(p -> Durations.at(p.publishedAt())).setHeader("Published");
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> showPolicy(e.getValue()));

        previous.addClickListener(e -> {
            current = earlier.isEmpty() ? Optional.empty() : earlier.pop();
            load();
        });
        next.addClickListener(e -> {
            if (following.isPresent()) {
                earlier.push(current);
                current = following;
                load();
            }
        });

        selected.setId("policy-selected");
        selected.setWidthFull();
        scratch.setId("policy-yaml");
        scratch.setMaxLength(dev.rollgate.core.policy.parse.PolicyDocumentReader.MAX_DOCUMENT_CHARS);
        scratch.setWidthFull();
        scratch.setMinHeight("12em");
        scratch.getStyle().set("font-family", "monospace");
        Button validate = new Button("Validate and explain", e -> showReading(scratchResult, desk.validate(
                scratch.getValue())));
        validate.setId("policy-validate");
        validate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        scratchResult.setId("policy-validation");
        scratchResult.setWidthFull();

        HorizontalLayout paging = new HorizontalLayout(previous, next);
        paging.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(new H2("Policies"), tenant, grid, paging, selected, new H3("Validate a policy"), scratch, validate,
                scratchResult);
        if (user.has(Role.ADMIN)) {
            add(publishControls());
        }
        load();
    }

    /** Offered to admins only; {@link PolicyDesk#publish} checks the role and tenant again on the server. */
    private HorizontalLayout publishControls() {
        TextField name = new TextField("Publish as policy");
        name.setId("policy-publish-name");
        Div result = new Div();
        result.setId("policy-publish-result");
        Button publish = new Button("Publish new version", e -> {
            PublishResult outcome = desk.publish(user, tenant.getValue(), name.getValue(), scratch.getValue());
            result.setText(outcome instanceof PublishResult.Published p
                    ? "Published " + p.policy().name() + " v" + p.policy().version()
                    : ((PublishResult.Refused) outcome).why());
            load();
        });
        publish.setId("policy-publish");
        HorizontalLayout controls = new HorizontalLayout(name, publish, result);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return controls;
    }

    private void load() {
        Page<StoredPolicy> page = desk.list(user, tenant.getValue(), new PageRequest(PAGE_SIZE, current));
        grid.setItems(page.items());
        following = page.nextCursor();
        previous.setEnabled(!earlier.isEmpty());
        next.setEnabled(following.isPresent());
    }

    private void showPolicy(StoredPolicy policy) {
        selected.removeAll();
        if (policy == null) {
            return;
        }
        selected.add(new H3(policy.name() + " v" + policy.version()));
        Div yaml = new Div();
        yaml.addClassName("rg-yaml");
        yaml.setText(policy.yaml());
        yaml.setId("policy-yaml-view");
        Div reading = new Div();
        reading.setId("policy-explanation");
        showReading(reading, desk.read(policy));
        selected.add(yaml, reading);
        if (preflight.available() && user.has(Role.OPERATOR)) {
            Div result = new Div();
            result.setId("preflight-result");
            Button run = new Button("Run Cordum preflight", e -> showPreflight(result,
                    preflight.run(user, policy)));
            run.setId("run-preflight");
            selected.add(run, result);
        }
    }

    /** The verdict and every check, as plain text lines. */
    static void showPreflight(Div target, PreflightResult result) {
        target.removeAll();
        if (result instanceof PreflightResult.Refused refused) {
            target.add(new Div(refused.why()));
            return;
        }
        PreflightVerdict verdict = ((PreflightResult.Ran) result).verdict();
        Span head = new Span("Preflight: " + verdict.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT));
        head.addClassName("rg-badge");
        head.addClassName(verdict.passed() ? "rg-good" : "rg-bad");
        target.add(new Div(head));
        if (verdict instanceof PreflightVerdict.Fail fail) {
            fail.reasons().forEach(r -> target.add(new Div(r)));
        } else if (verdict instanceof PreflightVerdict.NeedsApproval needs) {
            needs.reasons().forEach(r -> target.add(new Div(r)));
        } else if (verdict instanceof PreflightVerdict.Unavailable unavailable) {
            target.add(new Div(unavailable.message()));
        }
        for (CheckResult check : verdict.checks()) {
            target.add(new Div(check.kind() + " " + check.target() + ": " + check.status()
                    + (check.reasons().isEmpty() ? "" : " (" + String.join("; ", check.reasons()) + ")")));
        }
    }

    /** Shows a reading as plain text lines: errors with line and path, or the explanation. */
    static void showReading(Div target, PolicyReading reading) {
        target.removeAll();
        if (reading instanceof PolicyReading.Valid valid) {
            Span ok = new Span("Valid: " + valid.policy().name() + ", " + valid.policy().stages().size()
                    + " stages");
            ok.addClassName("rg-badge");
            ok.addClassName("rg-good");
            target.add(new Div(ok));
            valid.explanation().forEach(line -> target.add(new Div(line)));
        } else {
            PolicyReading.Invalid invalid = (PolicyReading.Invalid) reading;
            Span bad = new Span("Invalid: " + invalid.errors().size() + " error(s)");
            bad.addClassName("rg-badge");
            bad.addClassName("rg-bad");
            target.add(new Div(bad));
            invalid.errors().forEach(line -> {
                Div error = new Div(line);
                error.addClassName("rg-policy-error");
                target.add(error);
            });
        }
    }
}
