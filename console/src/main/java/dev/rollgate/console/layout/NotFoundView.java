package dev.rollgate.console.layout;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import dev.rollgate.console.rollouts.RolloutsView;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for unknown pages and, in production mode, for pages the user's roles do not open (Vaadin answers
 * those as not found, so the page does not reveal that the route exists).
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {
    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        Span text = new Span("There is nothing here for you: the page does not exist or needs a role you do not"
                + " hold.");
        text.setId("not-found");
        add(new H2("Not available"), text, new RouterLink("← Rollouts", RolloutsView.class));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
