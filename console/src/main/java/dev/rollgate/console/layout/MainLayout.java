package dev.rollgate.console.layout;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.rollgate.console.approvals.ApprovalsView;
import dev.rollgate.console.policies.PoliciesView;
import dev.rollgate.console.rollouts.RolloutsView;
import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.CurrentUser;
import dev.rollgate.console.ui.ChartCanvas;
import dev.rollgate.console.ui.Refreshable;
import jakarta.annotation.security.PermitAll;

import java.util.stream.Collectors;

/**
 * The frame around every signed-in view: navigation, who is signed in, sign-out, and the poll that refreshes the
 * current view every {@value #POLL_MILLIS} ms so changes appear without reloading.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {
    static final int POLL_MILLIS = 2000;

    private Registration pollRegistration;

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication) {
        ConsoleUser user = currentUser.get();
        H1 title = new H1("rollgate");
        title.addClassName("rg-title");

        Span who = new Span(user.username() + " · " + user.roles().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(", ")) + " · tenants: " + String.join(", ", user.tenants()));
        who.setId("signed-in-user");
        who.addClassName("rg-who");
        Button signOut = new Button("Sign out", e -> authentication.logout());
        signOut.setId("sign-out");

        HorizontalLayout bar = new HorizontalLayout(title, who, signOut);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.expand(who);
        bar.addClassName("rg-bar");
        addToNavbar(new DrawerToggle(), bar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Rollouts", RolloutsView.class));
        nav.addItem(new SideNavItem("Approvals", ApprovalsView.class));
        nav.addItem(new SideNavItem("Policies", PoliciesView.class));
        addToDrawer(nav);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        ui.getPage().addStyleSheet("context://styles/console.css");
        ui.getPage().addJavaScript(ChartCanvas.CHART_JS);
        ui.setPollInterval(POLL_MILLIS);
        pollRegistration = ui.addPollListener(e -> {
            if (getContent() instanceof Refreshable view) {
                view.refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (pollRegistration != null) {
            pollRegistration.remove();
        }
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }
}
