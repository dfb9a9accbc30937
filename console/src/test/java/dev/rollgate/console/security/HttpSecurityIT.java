package dev.rollgate.console.security;

import dev.rollgate.console.support.ConsoleSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP-level guards of the running console: CSRF stays on, and nothing but sign-in is open to strangers. */
@ConsoleSpringTest
class HttpSecurityIT {
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager()).build();

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void a_state_changing_post_without_the_csrf_token_is_refused() throws Exception {
        // Vaadin's security configurer exempts only its login form's POST from Spring's CSRF check (no session
        // exists yet); the UI's own requests carry Vaadin's per-session token. Sign in, then try a forged POST.
        HttpResponse<String> signIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=vera%40example.com&password=vera-secret"))
                .build());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(send(HttpRequest.newBuilder(uri("/approvals")).GET().build()).statusCode()).isEqualTo(200);

        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(uri("/approvals")).GET().build()).statusCode())
                .as("the forged sign-out changed nothing").isEqualTo(200);
    }

    @Test
    void a_stranger_asking_for_a_view_is_sent_to_sign_in() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/approvals")).GET().build());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void the_chart_script_and_styles_are_served_to_the_sign_in_page() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/webjars/chart.js/4.5.1/dist/chart.umd.min.js")).GET().build())
                .statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/styles/console.css")).GET().build()).body())
                .contains(".rg-badge");
    }
}
