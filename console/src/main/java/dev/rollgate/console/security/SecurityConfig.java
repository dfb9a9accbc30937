package dev.rollgate.console.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Form sign-in with local users, optionally OIDC sign-in, Vaadin's view access control and its CSRF handling
 * (left on). Views declare the roles they need; services check again, so hiding a button is never the only guard.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(ConsoleSecurityProperties.class)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class SecurityConfig {

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleSecurityProperties properties) throws Exception {
        // Chart.js (from its webjar) and the console's stylesheet are plain static files.
        http.authorizeHttpRequests(auth -> auth.requestMatchers(new AntPathRequestMatcher("/webjars/**"),
                new AntPathRequestMatcher("/styles/**")).permitAll());
        ConsoleSecurityProperties.Oidc oidc = properties.oidc();
        if (oidc.enabled()) {
            OidcClaimsMapper mapper = new OidcClaimsMapper(oidc);
            OidcUserService delegate = new OidcUserService();
            http.oauth2Login(login -> login.userInfoEndpoint(info -> info.oidcUserService(request -> {
                var signedIn = delegate.loadUser(request);
                ConsoleUser user = mapper.map(signedIn);
                if (user.roles().isEmpty() || user.tenants().isEmpty()) {
                    // Signed in at the identity provider, but given nothing to see here.
                    throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                            "the ID token names no console role or no tenant", null));
                }
                return new ConsoleOidcUser(signedIn, user);
            })));
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    @Bean
    UserDetailsService localUsers(ConsoleSecurityProperties properties) {
        return new LocalUserDetailsService(properties);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
