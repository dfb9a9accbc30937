package dev.rollgate.console.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** A local user as Spring Security needs it, carrying the console's view of the user. */
final class ConsoleUserDetails implements UserDetails, ConsoleUserHolder {
    private static final long serialVersionUID = 1L;

    private final ConsoleUser user;
    private final String passwordHash;

    ConsoleUserDetails(ConsoleUser user, String passwordHash) {
        this.user = user;
        this.passwordHash = passwordHash;
    }

    @Override
    public ConsoleUser consoleUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(user);
    }

    static List<GrantedAuthority> authorities(ConsoleUser user) {
        return user.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }
}
