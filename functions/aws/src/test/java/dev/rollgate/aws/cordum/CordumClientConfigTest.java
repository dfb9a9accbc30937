package dev.rollgate.aws.cordum;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CordumClientConfigTest {

    @Test
    void readsTheUrlAndTuningFromTheEnvironment() {
        CordumClientConfig config = CordumClientConfig.fromEnvironment(Map.of("CORDUM_URL", "https://cordum:8081",
                "CORDUM_REQUEST_TIMEOUT_MS", "750", "CORDUM_MAX_ATTEMPTS", "2", "CORDUM_CA_BUNDLE", "/etc/ca.pem",
                "CORDUM_PRINCIPAL_ID", "rollgate"));

        assertThat(config.baseUri()).isEqualTo(URI.create("https://cordum:8081"));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.maxAttempts()).isEqualTo(2);
        assertThat(config.caBundle()).contains(Path.of("/etc/ca.pem"));
        assertThat(config.principalId()).contains("rollgate");
        assertThat(config.totalBudget()).isEqualTo(CordumClientConfig.defaults(config.baseUri()).totalBudget());
    }

    @Test
    void aMissingUrlIsAnError() {
        assertThatThrownBy(() -> CordumClientConfig.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CORDUM_URL");
    }

    @Test
    void anUnknownCordumVariableIsAnErrorNotIgnored() {
        assertThatThrownBy(() -> CordumClientConfig.fromEnvironment(Map.of("CORDUM_URL", "http://x:1",
                "CORDUM_TIMEOUT", "5"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CORDUM_TIMEOUT");
    }

    @Test
    void aMalformedNumberNamesItsVariable() {
        assertThatThrownBy(() -> CordumClientConfig.fromEnvironment(Map.of("CORDUM_URL", "http://x:1",
                "CORDUM_TOTAL_BUDGET_MS", "soon"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CORDUM_TOTAL_BUDGET_MS").hasMessageContaining("soon");
    }

    @Test
    void nonPositiveTimeoutsAndOtherSchemesAreRejected() {
        assertThatThrownBy(() -> CordumClientConfig.defaults(URI.create("ftp://x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
        assertThatThrownBy(() -> CordumClientConfig.defaults(URI.create("http://x"))
                .withTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    }

    @Test
    void theEnvironmentKeySourceNamesTheVariableButNeverTheValue() {
        assertThat(new EnvironmentApiKeySource("CORDUM_API_KEY", Map.of("CORDUM_API_KEY", "sk-1")).current().reveal())
                .isEqualTo("sk-1");
        assertThatThrownBy(() -> new EnvironmentApiKeySource("CORDUM_API_KEY", Map.of()).current())
                .isInstanceOf(ApiKeyUnavailableException.class).hasMessageContaining("CORDUM_API_KEY");
        assertThat(ApiKey.of("sk-1")).hasToString("ApiKey[redacted]");
    }

    @Test
    void pathSegmentsArePercentEncoded() {
        assertThat(PathSegments.encode("wf a/b")).isEqualTo("wf%20a%2Fb");
        assertThat(PathSegments.encode("team~c-8_x.y")).isEqualTo("team~c-8_x.y");
    }

    @Test
    void exactlyOneKeySourceMustBeConfigured() {
        ApiKeySource local = ApiKeySources.fromEnvironment(Map.of("CORDUM_API_KEY", "sk-local"), () -> {
            throw new AssertionError("no SSM client needed");
        }, () -> {
            throw new AssertionError("no Secrets Manager client needed");
        }, java.time.Clock.systemUTC());

        assertThat(local.current().reveal()).isEqualTo("sk-local");
        assertThatThrownBy(() -> ApiKeySources.fromEnvironment(Map.of(), () -> null, () -> null,
                java.time.Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> ApiKeySources.fromEnvironment(Map.of("CORDUM_API_KEY", "k",
                "CORDUM_API_KEY_PARAMETER", "/p"), () -> null, () -> null, java.time.Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CORDUM_API_KEY_PARAMETER");
    }
}
