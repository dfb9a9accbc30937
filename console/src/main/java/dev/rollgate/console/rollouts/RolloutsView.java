package dev.rollgate.console.rollouts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.CurrentUser;
import dev.rollgate.console.ui.Durations;
import dev.rollgate.console.ui.Refreshable;
import dev.rollgate.console.ui.StatusBadge;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import jakarta.annotation.security.PermitAll;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/** Rollouts of one tenant, newest first, filtered by status or agent, one query per page. */
@Route("rollouts")
@RouteAlias("")
@PageTitle("Rollouts · rollgate")
@PermitAll
public class RolloutsView extends VerticalLayout implements Refreshable {
    static final int PAGE_SIZE = 25;

    private final RolloutQueries queries;
    private final ConsoleUser user;
    private final Select<String> tenant = new Select<>();
    private final Select<String> status = new Select<>();
    private final TextField agent = new TextField("Agent");
    private final Grid<RolloutRow> grid = new Grid<>(RolloutRow.class, false);
    private final Button previous = new Button("Previous");
    private final Button next = new Button("Next");
    private final Span pageInfo = new Span();
    /** Cursors of the pages before the current one; the current page's cursor is {@link #current}. */
    private final Deque<Optional<String>> earlier = new ArrayDeque<>();
    private Optional<String> current = Optional.empty();
    private Optional<String> following = Optional.empty();

    public RolloutsView(RolloutQueries queries, CurrentUser currentUser) {
        this.queries = queries;
        this.user = currentUser.get();
        setSizeFull();

        tenant.setLabel("Tenant");
        tenant.setItems(user.tenants());
        tenant.setValue(user.tenants().first());
        tenant.setId("tenant-filter");
        status.setLabel("Status");
        status.setItems(statusChoices());
        status.setValue("ALL");
        status.setId("status-filter");
        agent.setClearButtonVisible(true);
        agent.setMaxLength(dev.rollgate.core.state.StateLimits.MAX_ID_BYTES);
        agent.setValueChangeMode(ValueChangeMode.LAZY);
        agent.setId("agent-filter");
        tenant.addValueChangeListener(e -> firstPage());
        status.addValueChangeListener(e -> firstPage());
        agent.addValueChangeListener(e -> firstPage());
        HorizontalLayout filters = new HorizontalLayout(tenant, status, agent);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("rollouts-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(r -> {
            RouterLink link = new RouterLink(r.id(), RolloutDetailView.class, r.id());
            link.getElement().setAttribute("data-rollout", r.id());
            return link;
        }).setHeader("Rollout").setAutoWidth(true);
        grid.addColumn(RolloutRow::agent).setHeader("Agent").setAutoWidth(true);
        grid.addColumn(r -> r.baselineVersion() + " → " + r.candidateVersion()).setHeader("Versions");
        grid.addComponentColumn(r -> new StatusBadge(r.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(RolloutRow::stage).setHeader("Stage");
        grid.addColumn(r -> r.trafficWeight() + "%").setHeader("Traffic");
        grid.addColumn(r -> r.lastScore().map(s -> String.format(Locale.ROOT, "%.1f", s)).orElse("–"))
                .setHeader("Last score");
        grid.addColumn(r -> Durations.human(r.age())).setHeader("Age");
        grid.setAllRowsVisible(true);

        previous.setId("page-previous");
        next.setId("page-next");
        pageInfo.setId("page-info");
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
        HorizontalLayout paging = new HorizontalLayout(previous, pageInfo, next);
        paging.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        add(new H2("Rollouts"), filters, grid, paging);
        load();
    }

    private static java.util.List<String> statusChoices() {
        java.util.List<String> choices = new java.util.ArrayList<>();
        choices.add("ALL");
        for (RolloutStatus s : RolloutStatus.values()) {
            choices.add(s.name());
        }
        return choices;
    }

    private void firstPage() {
        earlier.clear();
        current = Optional.empty();
        load();
    }

    private void load() {
        RolloutFilter filter = new RolloutFilter(tenant.getValue(),
                "ALL".equals(status.getValue()) ? Optional.empty() : Optional.of(RolloutStatus.valueOf(status.getValue())),
                Optional.ofNullable(agent.getValue()));
        Page<RolloutRow> page = queries.list(user, filter, new PageRequest(PAGE_SIZE, current));
        grid.setItems(page.items());
        following = page.nextCursor();
        previous.setEnabled(!earlier.isEmpty());
        next.setEnabled(following.isPresent());
        pageInfo.setText("page " + (earlier.size() + 1) + (page.items().isEmpty() ? " · no rollouts" : ""));
    }

    @Override
    public void refresh() {
        load();
    }
}
