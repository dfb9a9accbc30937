package dev.rollgate.console.approvals;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.rollgate.console.rollouts.RolloutDetailView;
import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.CurrentUser;
import dev.rollgate.console.ui.Durations;
import dev.rollgate.console.ui.Refreshable;
import jakarta.annotation.security.PermitAll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pending approvals of the user's tenants, oldest first, with age and deadline. Only those the user may decide
 * get a link to the decision form; the others say why not.
 */
@Route("approvals")
@PageTitle("Approvals · rollgate")
@PermitAll
public class ApprovalsView extends VerticalLayout implements Refreshable {
    private final ApprovalDesk desk;
    private final ConsoleUser user;
    private final Clock clock;
    private final Grid<PendingApproval> grid = new Grid<>(PendingApproval.class, false);
    private final Span empty = new Span("No approvals are waiting.");
    /** Ids on screen and when they were drawn: ages are redrawn every {@link #AGE_REDRAW}, the list on change. */
    private List<String> shownIds = List.of();
    private Instant drawnAt = Instant.EPOCH;
    private static final Duration AGE_REDRAW = Duration.ofSeconds(30);

    public ApprovalsView(ApprovalDesk desk, CurrentUser currentUser, Clock clock) {
        this.desk = desk;
        this.clock = clock;
        this.user = currentUser.get();
        setWidthFull();
        grid.setId("approvals-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(a -> new RouterLink(a.rolloutId(), RolloutDetailView.class, a.rolloutId()))
                .setHeader("Rollout").setAutoWidth(true);
        grid.addColumn(PendingApproval::tenant).setHeader("Tenant").setAutoWidth(true);
        grid.addColumn(PendingApproval::stage).setHeader("Stage").setAutoWidth(true);
        grid.addColumn(PendingApproval::reason).setHeader("Why").setAutoWidth(true);
        grid.addColumn(PendingApproval::requester).setHeader("Requested by").setAutoWidth(true);
        grid.addColumn(a -> Durations.human(a.age())).setHeader("Age").setAutoWidth(true);
        grid.addComponentColumn(this::deadline).setHeader("Deadline").setAutoWidth(true);
        grid.addComponentColumn(this::action).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        empty.setId("no-approvals");
        add(new H2("Pending approvals"), grid, empty);
        refresh();
    }

    private Component deadline(PendingApproval a) {
        Span span = new Span(Durations.at(a.deadline()) + (a.overdue() ? " (overdue)" : ""));
        if (a.overdue()) {
            span.addClassName("rg-overdue");
        }
        return span;
    }

    private Component action(PendingApproval a) {
        Optional<String> whyNot = desk.whyNot(user, a.id());
        if (whyNot.isPresent()) {
            Span why = new Span(whyNot.get());
            why.addClassName("rg-muted");
            why.getElement().setAttribute("data-cannot-decide", a.id());
            return why;
        }
        RouterLink decide = new RouterLink("Approve or reject…", ApprovalDecisionView.class, a.id());
        decide.setId("decide-" + a.id());
        return decide;
    }

    @Override
    public void refresh() {
        List<PendingApproval> pending = desk.pending(user);
        List<String> ids = pending.stream().map(PendingApproval::id).toList();
        Instant now = clock.instant();
        // Redrawing replaces the row buttons, so it is done only when something visible changed.
        if (!ids.equals(shownIds) || Duration.between(drawnAt, now).compareTo(AGE_REDRAW) > 0) {
            shownIds = ids;
            drawnAt = now;
            grid.setItems(pending);
        }
        grid.setVisible(!pending.isEmpty());
        empty.setVisible(pending.isEmpty());
    }
}
