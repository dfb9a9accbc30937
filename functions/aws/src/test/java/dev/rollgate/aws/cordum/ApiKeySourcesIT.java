package dev.rollgate.aws.cordum;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** SSM (through Powertools) and Secrets Manager key sources against moto. */
class ApiKeySourcesIT {
    private static final String KEY = "sk-it-4e1f0a9b77c3";

    @BeforeAll
    static void needsMoto() {
        assumeTrue(System.getenv("AWS_ENDPOINT_URL") != null, "needs moto: run through infra/test.sh");
    }

    @Test
    void readsTheKeyFromAnSsmSecureString() {
        String name = "/rollgate/it/cordum-key-" + System.nanoTime();
        try (SsmClient ssm = SsmClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            ssm.putParameter(b -> b.name(name).value(KEY).type(ParameterType.SECURE_STRING));
            SsmApiKeySource source = new SsmApiKeySource(SSMProvider.builder().withClient(ssm).build(), name,
                    Duration.ofMinutes(5));

            assertThat(source.current().reveal()).isEqualTo(KEY);
            assertThat(source.toString()).contains(name).doesNotContain(KEY);
        }
    }

    @Test
    void aMissingSsmParameterIsAnErrorNamingTheParameter() {
        try (SsmClient ssm = SsmClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            SsmApiKeySource source = new SsmApiKeySource(SSMProvider.builder().withClient(ssm).build(),
                    "/rollgate/it/missing", Duration.ofMinutes(5));

            assertThatThrownBy(source::current).isInstanceOf(ApiKeyUnavailableException.class)
                    .hasMessageContaining("/rollgate/it/missing");
        }
    }

    @Test
    void readsTheKeyFromSecretsManagerAndCachesItForTheMaxAge() {
        String secretId = "rollgate/it/cordum-key-" + System.nanoTime();
        try (SecretsManagerClient secrets = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            secrets.createSecret(b -> b.name(secretId).secretString(KEY));
            AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T21:00:00Z"));
            Clock clock = new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            };
            SecretsManagerApiKeySource source = new SecretsManagerApiKeySource(secrets, secretId, clock,
                    Duration.ofMinutes(5));

            assertThat(source.current().reveal()).isEqualTo(KEY);
            secrets.putSecretValue(b -> b.secretId(secretId).secretString(KEY + "-rotated"));
            assertThat(source.current().reveal()).isEqualTo(KEY);
            now.set(now.get().plus(Duration.ofMinutes(6)));
            assertThat(source.current().reveal()).isEqualTo(KEY + "-rotated");
        }
    }

    @Test
    void aMissingSecretIsAnErrorNamingTheSecret() {
        try (SecretsManagerClient secrets = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            SecretsManagerApiKeySource source = new SecretsManagerApiKeySource(secrets, "rollgate/it/missing",
                    Clock.systemUTC(), Duration.ofMinutes(5));

            assertThatThrownBy(source::current).isInstanceOf(ApiKeyUnavailableException.class)
                    .hasMessageContaining("rollgate/it/missing");
        }
    }
}
