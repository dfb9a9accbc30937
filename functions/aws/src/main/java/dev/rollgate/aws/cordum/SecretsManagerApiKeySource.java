package dev.rollgate.aws.cordum;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Reads the API key from a Secrets Manager secret (its SecretString is the key), cached for {@code maxAge} so a
 * rotated key is picked up without a call per request.
 */
public final class SecretsManagerApiKeySource implements ApiKeySource {
    private final SecretsManagerClient client;
    private final String secretId;
    private final Clock clock;
    private final Duration maxAge;
    private ApiKey cached;
    private Instant fetchedAt;

    public SecretsManagerApiKeySource(SecretsManagerClient client, String secretId, Clock clock, Duration maxAge) {
        this.client = Objects.requireNonNull(client, "client");
        this.secretId = Objects.requireNonNull(secretId, "secretId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    @Override
    public synchronized ApiKey current() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(fetchedAt.plus(maxAge))) {
            return cached;
        }
        String value;
        try {
            value = client.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build()).secretString();
        } catch (RuntimeException e) {
            throw new ApiKeyUnavailableException("secret " + secretId + " with the Cordum API key cannot be read: "
                    + e.getClass().getSimpleName(), e);
        }
        if (value == null || value.isBlank()) {
            throw new ApiKeyUnavailableException("secret " + secretId + " with the Cordum API key has no SecretString",
                    null);
        }
        cached = ApiKey.of(value);
        fetchedAt = now;
        return cached;
    }

    @Override
    public String toString() {
        return "SecretsManagerApiKeySource[" + secretId + "]";
    }
}
