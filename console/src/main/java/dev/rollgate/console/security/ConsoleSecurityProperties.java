package dev.rollgate.console.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may sign in ({@code rollgate.console.security.*}). Local users carry bcrypt hashes only; the passwords
 * themselves never appear in configuration or code. Unknown keys are refused at start-up.
 *
 * @param users local users (may be empty when OIDC is the only sign-in)
 * @param oidc  OpenID Connect sign-in, off unless {@code enabled}
 */
@ConfigurationProperties(prefix = "rollgate.console.security", ignoreUnknownFields = false)
public record ConsoleSecurityProperties(List<LocalUser> users, Oidc oidc) {
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}$");

    public ConsoleSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        oidc = oidc == null ? Oidc.DISABLED : oidc;
        for (int i = 0; i < users.size(); i++) {
            users.get(i).check("rollgate.console.security.users[" + i + "]");
        }
        long distinct = users.stream().map(LocalUser::username).distinct().count();
        if (distinct != users.size()) {
            throw new IllegalArgumentException("rollgate.console.security.users: a username appears twice");
        }
        if (users.isEmpty() && !oidc.enabled()) {
            throw new IllegalArgumentException("rollgate.console.security: no local users and OIDC disabled,"
                    + " so nobody could sign in; configure users[] or oidc.enabled=true");
        }
    }

    /**
     * One local account.
     *
     * @param passwordHash a bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$})
     */
    public record LocalUser(String username, String passwordHash, List<Role> roles, List<String> tenants) {
        public LocalUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
            tenants = tenants == null ? List.of() : List.copyOf(tenants);
        }

        void check(String path) {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException(path + ".username must not be blank");
            }
            if (passwordHash == null || !BCRYPT.matcher(passwordHash).matches()) {
                throw new IllegalArgumentException(path + ".password-hash must be a bcrypt hash ($2a$/$2b$/$2y$)");
            }
            if (roles.isEmpty()) {
                throw new IllegalArgumentException(path + ".roles must name at least one of VIEWER, OPERATOR,"
                        + " APPROVER, ADMIN");
            }
            if (tenants.isEmpty() || tenants.stream().anyMatch(t -> t == null || t.isBlank())) {
                throw new IllegalArgumentException(path + ".tenants must list at least one non-blank tenant");
            }
        }
    }

    /**
     * OpenID Connect sign-in (e.g. Cognito). The client registration itself is Spring Boot's
     * {@code spring.security.oauth2.client.registration.<registrationId>.*}.
     *
     * @param rolesClaim   the ID-token claim listing console role names (Cognito: {@code cognito:groups})
     * @param tenantsClaim the ID-token claim listing the user's tenants
     */
    public record Oidc(boolean enabled, String registrationId, String rolesClaim, String tenantsClaim) {
        static final Oidc DISABLED = new Oidc(false, null, null, null);

        public Oidc {
            if (enabled) {
                requireText(registrationId, "registration-id");
                requireText(rolesClaim, "roles-claim");
                requireText(tenantsClaim, "tenants-claim");
            }
        }

        private static void requireText(String value, String field) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("rollgate.console.security.oidc." + field
                        + " must be set when OIDC is enabled");
            }
        }

        public Optional<String> loginPath() {
            return enabled ? Optional.of("/oauth2/authorization/" + Objects.requireNonNull(registrationId))
                    : Optional.empty();
        }
    }
}
