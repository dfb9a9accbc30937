package dev.rollgate.aws.cordum;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Picks the API key source from the environment: exactly one of {@code CORDUM_API_KEY_SECRET_ID} (Secrets Manager),
 * {@code CORDUM_API_KEY_PARAMETER} (SSM SecureString) or {@code CORDUM_API_KEY} (the key itself, local runs only).
 */
public final class ApiKeySources {
    /** How long a fetched key is reused before it is read again (so a rotation is picked up). */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private ApiKeySources() {
    }

    public static ApiKeySource fromEnvironment(Map<String, String> env, Supplier<SsmClient> ssm,
                                               Supplier<SecretsManagerClient> secrets, Clock clock) {
        List<String> set = List.of("CORDUM_API_KEY_SECRET_ID", "CORDUM_API_KEY_PARAMETER", "CORDUM_API_KEY").stream()
                .filter(name -> env.get(name) != null && !env.get(name).isBlank()).toList();
        if (set.size() != 1) {
            throw new IllegalArgumentException("set exactly one of CORDUM_API_KEY_SECRET_ID, CORDUM_API_KEY_PARAMETER"
                    + " or CORDUM_API_KEY for the Cordum API key; set: " + set);
        }
        return switch (set.get(0)) {
            case "CORDUM_API_KEY_SECRET_ID" -> new SecretsManagerApiKeySource(secrets.get(),
                    env.get("CORDUM_API_KEY_SECRET_ID").strip(), clock, MAX_AGE);
            case "CORDUM_API_KEY_PARAMETER" -> new SsmApiKeySource(SSMProvider.builder().withClient(ssm.get()).build(),
                    env.get("CORDUM_API_KEY_PARAMETER").strip(), MAX_AGE);
            default -> new EnvironmentApiKeySource("CORDUM_API_KEY", env);
        };
    }
}
