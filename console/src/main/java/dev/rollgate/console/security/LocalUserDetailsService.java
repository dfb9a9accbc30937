package dev.rollgate.console.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Local users from configuration; nothing is created or changed at run time. */
final class LocalUserDetailsService implements UserDetailsService {
    private final Map<String, ConsoleSecurityProperties.LocalUser> users;

    LocalUserDetailsService(ConsoleSecurityProperties properties) {
        this.users = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(ConsoleSecurityProperties.LocalUser::username,
                        Function.identity()));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        ConsoleSecurityProperties.LocalUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        return new ConsoleUserDetails(ConsoleUser.of(user.username(), user.roles(), user.tenants()),
                user.passwordHash());
    }
}
