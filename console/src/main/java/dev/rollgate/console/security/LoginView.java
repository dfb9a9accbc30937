package dev.rollgate.console.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Sign-in with a local account, and a link to the identity provider when OIDC is configured. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · rollgate")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
    private final LoginForm form = new LoginForm();

    public LoginView(ConsoleSecurityProperties properties) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        add(new H1("rollgate console"));
        if (!properties.users().isEmpty()) {
            add(form);
        }
        properties.oidc().loginPath().ifPresent(path -> {
            Anchor sso = new Anchor(path, "Sign in with your identity provider");
            sso.setId("oidc-login");
            // A full page load: the OAuth2 redirect is not a Vaadin route.
            sso.setRouterIgnore(true);
            add(sso);
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            form.setError(true);
        }
    }
}
