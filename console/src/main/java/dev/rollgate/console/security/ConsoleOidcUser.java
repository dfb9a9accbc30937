package dev.rollgate.console.security;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** An OIDC sign-in with the console roles and tenants read from its ID token. */
final class ConsoleOidcUser extends DefaultOidcUser implements ConsoleUserHolder {
    private static final long serialVersionUID = 1L;

    private final ConsoleUser user;

    ConsoleOidcUser(OidcUser signedIn, ConsoleUser user) {
        super(ConsoleUserDetails.authorities(user), signedIn.getIdToken(), signedIn.getUserInfo());
        this.user = user;
    }

    @Override
    public ConsoleUser consoleUser() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }
}
