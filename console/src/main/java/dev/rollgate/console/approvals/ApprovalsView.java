package dev.rollgate.console.approvals;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Pending approvals of the user's tenants, oldest first, with age and deadline, a page at a time (each page is
 * one query per tenant, however many wait). Only those the user may decide get a link to the decision form; the
 * others say why not.
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
    private final Button previous = new Button("Previous");
    private final Button next = new Button("Next");
    private final Span pageInfo = new Span();
    /** Starts of the pages before the current one; the current page starts at {@link #current}. */
    private final Deque<PendingCursor> earlier = new ArrayDeque<>();
    private PendingCursor current;
    private Optional<PendingCursor> following = Optional.empty();
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
        current = PendingCursor.first(user);
        previous.setId("approvals-previous");
        next.setId("approvals-next");
        pageInfo.setId("approvals-page-info");
        previous.addClickListener(e -> {
            current = earlier.isEmpty() ? PendingCursor.first(user) : earlier.pop();
            refresh();
        });
        next.addClickListener(e -> following.ifPresent(f -> {
            earlier.push(current);
            current = f;
            refresh();
        }));
        HorizontalLayout paging = new HorizontalLayout(previous, pageInfo, next);
        paging.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(new H2("Pending approvals"), grid, empty, paging);
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
        if (a.whyNot().isPresent()) {
            Span why = new Span(a.whyNot().get());
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
        PendingPage page = desk.pending(user, current);
        List<PendingApproval> pending = page.rows();
        following = page.next();
        previous.setEnabled(!earlier.isEmpty());
        next.setEnabled(following.isPresent());
        pageInfo.setText("page " + (earlier.size() + 1));
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
