package dev.rollgate.aws.cordum;

import java.util.Map;
import java.util.Objects;

/** Reads the API key from an environment variable, for local runs and the sandbox. */
public final class EnvironmentApiKeySource implements ApiKeySource {
    public static final String DEFAULT_VARIABLE = "CORDUM_API_KEY";

    private final String variable;
    private final Map<String, String> environment;

    public EnvironmentApiKeySource(String variable, Map<String, String> environment) {
        this.variable = Objects.requireNonNull(variable, "variable");
        this.environment = Map.copyOf(environment);
    }

    public static EnvironmentApiKeySource fromProcess(String variable) {
        return new EnvironmentApiKeySource(variable, System.getenv());
    }

    @Override
    public ApiKey current() {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new ApiKeyUnavailableException("environment variable " + variable + " with the Cordum API key is "
                    + (value == null ? "not set" : "empty"), null);
        }
        return ApiKey.of(value);
    }

    @Override
    public String toString() {
        return "EnvironmentApiKeySource[" + variable + "]";
    }
}
