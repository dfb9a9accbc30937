package dev.rollgate.lambda.runtime;

import dev.rollgate.aws.dynamodb.StateSchema;
import dev.rollgate.aws.dynamodb.TableSpec;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment variables rollgate's functions read. Each is read only when the piece that needs it is first
 * built, so a function is configured with exactly what it uses; a missing one, or a {@code ROLLGATE_} variable
 * nobody reads (a typo), is an error naming the variable, never a default.
 */
public final class Configuration {
    public static final String PREFIX = "ROLLGATE_";
    public static final String EVENT_BUS = "ROLLGATE_EVENT_BUS_NAME";
    public static final String STATE_MACHINE_ARN = "ROLLGATE_STATE_MACHINE_ARN";
    public static final String TENANT = "ROLLGATE_TENANT";
    public static final String AGENT_FUNCTION = "ROLLGATE_AGENT_FUNCTION_NAME";
    public static final String AGENT_ALIAS = "ROLLGATE_AGENT_ALIAS";
    /** The codedeploy driver's application, deployment group and TimeBasedCanary config (traffic adapter). */
    public static final String CODEDEPLOY_APPLICATION = "ROLLGATE_CODEDEPLOY_APPLICATION";
    public static final String CODEDEPLOY_GROUP = "ROLLGATE_CODEDEPLOY_GROUP";
    public static final String CODEDEPLOY_CONFIG = "ROLLGATE_CODEDEPLOY_CONFIG";
    /** The CodeDeploy hook functions' names, given to deployments the codedeploy driver creates. */
    public static final String CODEDEPLOY_BEFORE_HOOK = "ROLLGATE_CODEDEPLOY_BEFORE_HOOK";
    public static final String CODEDEPLOY_AFTER_HOOK = "ROLLGATE_CODEDEPLOY_AFTER_HOOK";
    /** Read by the Cordum client ({@code CordumClientConfig}) that the preflight adapter builds. */
    public static final String CORDUM_URL = "CORDUM_URL";
    public static final String CORDUM_API_KEY_PARAMETER = "CORDUM_API_KEY_PARAMETER";

    /** Every ROLLGATE_ variable: the table names of the state schema and the ones above. */
    public static final Set<String> ROLLGATE_VARIABLES = rollgateVariables();

    private final Map<String, String> env;

    public Configuration(Map<String, String> env) {
        this.env = Map.copyOf(env);
        Set<String> unknown = new TreeSet<>();
        for (String name : this.env.keySet()) {
            if (name.startsWith(PREFIX) && !ROLLGATE_VARIABLES.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("unknown environment variables " + unknown + "; rollgate reads "
                    + new TreeSet<>(ROLLGATE_VARIABLES));
        }
    }

    public String require(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("environment variable " + name + " is not set");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    public Map<String, String> asMap() {
        return env;
    }

    private static Set<String> rollgateVariables() {
        Set<String> names = new LinkedHashSet<>();
        for (TableSpec spec : StateSchema.ALL) {
            names.add(spec.envVariable());
        }
        names.addAll(Set.of(EVENT_BUS, STATE_MACHINE_ARN, TENANT, AGENT_FUNCTION, AGENT_ALIAS, CODEDEPLOY_APPLICATION,
                CODEDEPLOY_GROUP, CODEDEPLOY_CONFIG, CODEDEPLOY_BEFORE_HOOK, CODEDEPLOY_AFTER_HOOK));
        return Set.copyOf(names);
    }
}
