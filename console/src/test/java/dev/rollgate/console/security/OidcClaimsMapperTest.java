package dev.rollgate.console.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OidcClaimsMapperTest {
    private final OidcClaimsMapper mapper = new OidcClaimsMapper(
            new ConsoleSecurityProperties.Oidc(true, "cognito", "cognito:groups", "custom:tenants"));

    private static DefaultOidcUser signedIn(Map<String, Object> claims) {
        OidcIdToken token = new OidcIdToken("id-token", Instant.parse("2026-03-01T12:00:00Z"),
                Instant.parse("2026-03-01T13:00:00Z"), claims);
        return new DefaultOidcUser(List.of(), token);
    }

    @Test
    void roles_and_tenants_come_from_the_configured_claims_and_other_groups_are_ignored() {
        ConsoleUser user = mapper.map(signedIn(Map.of("sub", "123", "email", "bob@example.com",
                "cognito:groups", List.of("approver", "payroll-admins"), "custom:tenants", "acme, globex")));

        assertThat(user.username()).isEqualTo("bob@example.com");
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.APPROVER, Role.VIEWER);
        assertThat(user.tenants()).containsExactly("acme", "globex");
    }

    @Test
    void a_token_without_the_claims_grants_nothing() {
        ConsoleUser user = mapper.map(signedIn(Map.of("sub", "123")));

        assertThat(user.username()).isEqualTo("123");
        assertThat(user.roles()).isEmpty();
        assertThat(user.tenants()).isEmpty();
    }
}
