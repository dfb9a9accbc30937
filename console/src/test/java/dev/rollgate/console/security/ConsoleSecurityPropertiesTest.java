package dev.rollgate.console.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleSecurityPropertiesTest {
    private static final String HASH = "$2a$10$jrVmQK3F0D1B4jGd1cM83uh6cU1jrs/b4gY0K0PJRWFpdailHxSmG";

    private static ConsoleSecurityProperties.LocalUser user(String name, String hash, List<Role> roles,
                                                            List<String> tenants) {
        return new ConsoleSecurityProperties.LocalUser(name, hash, roles, tenants);
    }

    @Test
    void a_plain_text_password_is_refused_naming_the_user_entry() {
        assertThatThrownBy(() -> new ConsoleSecurityProperties(List.of(user("a", "secret", List.of(Role.VIEWER),
                List.of("acme"))), null))
                .hasMessage("rollgate.console.security.users[0].password-hash must be a bcrypt hash ($2a$/$2b$/$2y$)");
    }

    @Test
    void a_user_without_roles_or_tenants_is_refused() {
        assertThatThrownBy(() -> new ConsoleSecurityProperties(List.of(user("a", HASH, List.of(), List.of("acme"))),
                null)).hasMessageContaining("users[0].roles");
        assertThatThrownBy(() -> new ConsoleSecurityProperties(List.of(user("a", HASH, List.of(Role.VIEWER),
                List.of())), null)).hasMessageContaining("users[0].tenants");
    }

    @Test
    void nobody_able_to_sign_in_is_a_configuration_error() {
        assertThatThrownBy(() -> new ConsoleSecurityProperties(List.of(), null))
                .hasMessageContaining("nobody could sign in");
    }

    @Test
    void oidc_needs_its_registration_and_claims_when_enabled() {
        assertThatThrownBy(() -> new ConsoleSecurityProperties.Oidc(true, "cognito", null, "custom:tenants"))
                .hasMessage("rollgate.console.security.oidc.roles-claim must be set when OIDC is enabled");
        assertThat(new ConsoleSecurityProperties.Oidc(true, "cognito", "cognito:groups", "custom:tenants")
                .loginPath()).contains("/oauth2/authorization/cognito");
    }

    @Test
    void roles_imply_the_ones_below_them() {
        ConsoleUser admin = ConsoleUser.of("ada", List.of(Role.ADMIN), List.of("acme"));
        ConsoleUser approver = ConsoleUser.of("bob", List.of(Role.APPROVER), List.of("acme"));

        assertThat(admin.roles()).containsExactlyInAnyOrder(Role.values());
        assertThat(approver.has(Role.VIEWER)).isTrue();
        assertThat(approver.has(Role.OPERATOR)).isFalse();
    }
}
