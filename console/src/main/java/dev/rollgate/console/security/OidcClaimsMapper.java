package dev.rollgate.console.security;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads console roles and tenants from ID-token claims. Values of the roles claim that are not role names are
 * skipped, because identity providers use the same claim (e.g. Cognito groups) for other purposes too.
 */
final class OidcClaimsMapper {
    private final ConsoleSecurityProperties.Oidc config;

    OidcClaimsMapper(ConsoleSecurityProperties.Oidc config) {
        this.config = config;
    }

    ConsoleUser map(OidcUser signedIn) {
        Map<String, Object> claims = signedIn.getClaims();
        List<Role> roles = new ArrayList<>();
        for (String value : strings(claims.get(config.rolesClaim()))) {
            String upper = value.toUpperCase(Locale.ROOT);
            for (Role role : Role.values()) {
                if (role.name().equals(upper)) {
                    roles.add(role);
                }
            }
        }
        String username = signedIn.getEmail() != null ? signedIn.getEmail() : signedIn.getSubject();
        return ConsoleUser.of(username, roles, strings(claims.get(config.tenantsClaim())));
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text && !text.isBlank()) {
            return List.of(text.split("[,\\s]+"));
        }
        return List.of();
    }
}
