package dev.rollgate.aws.cordum;

import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Reads the API key from an SSM Parameter Store SecureString through Powertools (which caches it). */
public final class SsmApiKeySource implements ApiKeySource {
    private final SSMProvider provider;
    private final String parameterName;
    private final Duration maxAge;

    public SsmApiKeySource(SSMProvider provider, String parameterName, Duration maxAge) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.parameterName = Objects.requireNonNull(parameterName, "parameterName");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    @Override
    public ApiKey current() {
        String value;
        try {
            value = provider.withDecryption().withMaxAge((int) Math.min(maxAge.toSeconds(), Integer.MAX_VALUE), ChronoUnit.SECONDS).get(parameterName);
        } catch (RuntimeException e) {
            // The SDK's message names the parameter and the error, never its value.
            throw new ApiKeyUnavailableException("SSM parameter " + parameterName + " with the Cordum API key cannot be"
                    + " read: " + e.getClass().getSimpleName(), e);
        }
        if (value == null || value.isBlank()) {
            throw new ApiKeyUnavailableException("SSM parameter " + parameterName + " with the Cordum API key is empty",
                    null);
        }
        return ApiKey.of(value);
    }

    @Override
    public String toString() {
        return "SsmApiKeySource[" + parameterName + "]";
    }
}
