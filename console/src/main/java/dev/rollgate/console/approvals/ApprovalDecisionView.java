package dev.rollgate.console.approvals;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.rollgate.console.rollouts.RolloutDetailView;
import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.CurrentUser;
import dev.rollgate.console.ui.Durations;
import dev.rollgate.core.state.ApprovalStatus;
import jakarta.annotation.security.RolesAllowed;

import java.util.Optional;

/**
 * The decision form for one approval. Only approvers reach the route at all; the desk checks everything again
 * (tenant, four eyes, reason) when a button is pressed.
 */
@Route("approvals/decide")
@PageTitle("Decide · rollgate")
@RolesAllowed({"APPROVER", "ADMIN"})
public class ApprovalDecisionView extends VerticalLayout implements HasUrlParameter<String> {
    private final ApprovalDesk desk;
    private final ConsoleUser user;

    public ApprovalDecisionView(ApprovalDesk desk, CurrentUser currentUser) {
        this.desk = desk;
        this.user = currentUser.get();
        setWidthFull();
        setMaxWidth("60em");
    }

    @Override
    public void setParameter(BeforeEvent event, String approvalId) {
        removeAll();
        add(new RouterLink("← Approvals", ApprovalsView.class), new H2("Approval " + approvalId));
        Optional<PendingApproval> pending = desk.pending(user).stream().filter(a -> a.id().equals(approvalId))
                .findFirst();
        if (pending.isEmpty()) {
            Span gone = new Span("This approval is not pending in your tenants (decided already, or unknown).");
            gone.setId("decision-refused");
            add(gone);
            return;
        }
        PendingApproval a = pending.get();
        add(new Div(new Span("Rollout "), new RouterLink(a.rolloutId(), RolloutDetailView.class, a.rolloutId()),
                new Span(" · tenant " + a.tenant() + " · stage " + a.stage())));
        add(new Span("Why: " + a.reason() + " · requested by " + a.requester() + " · age "
                + Durations.human(a.age()) + " · deadline " + Durations.at(a.deadline())
                + (a.overdue() ? " (overdue)" : "")));
        Optional<String> whyNot = desk.whyNot(user, approvalId);
        if (whyNot.isPresent()) {
            Span refused = new Span(whyNot.get());
            refused.setId("decision-refused");
            add(refused);
            return;
        }
        TextArea reason = new TextArea("Reason (required)");
        reason.setId("decision-reason");
        reason.setRequired(true);
        // A hint for the browser; ApprovalDesk enforces the byte limit whatever the page sends.
        reason.setMaxLength(dev.rollgate.core.state.StateLimits.MAX_TEXT_BYTES);
        reason.setWidthFull();
        Button approve = new Button("Approve", e -> decide(a, ApprovalStatus.APPROVED, reason));
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button("Reject", e -> decide(a, ApprovalStatus.REJECTED, reason));
        reject.setId("reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(reason, new HorizontalLayout(approve, reject));
    }

    private void decide(PendingApproval a, ApprovalStatus verdict, TextArea reason) {
        DecisionResult result = desk.decide(user, a.id(), verdict, reason.getValue());
        if (result instanceof DecisionResult.Refused refused) {
            reason.setInvalid(true);
            reason.setErrorMessage(refused.why());
            return;
        }
        String message = message(result);
        Notification note = Notification.show(message, 5000, Notification.Position.BOTTOM_START);
        note.addThemeVariants(result instanceof DecisionResult.Decided ? NotificationVariant.LUMO_SUCCESS
                : NotificationVariant.LUMO_CONTRAST);
        getUI().ifPresent(ui -> ui.navigate(RolloutDetailView.class, a.rolloutId()));
    }

    static String message(DecisionResult result) {
        if (result instanceof DecisionResult.Decided d) {
            return d.verdict() + " — the rollout continues from here.";
        }
        if (result instanceof DecisionResult.DecidedNotDelivered d) {
            return d.verdict() + " recorded, but " + d.detail() + ".";
        }
        if (result instanceof DecisionResult.AlreadyDecided d) {
            return "Already " + d.verdict() + " by " + d.decidedBy() + ".";
        }
        if (result instanceof DecisionResult.PastDeadline) {
            return "The deadline has passed; the request resolves as rejected.";
        }
        return ((DecisionResult.Refused) result).why();
    }
}
