package dev.rollgate.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The deployed names of the six state tables. */
public record TableNames(String rollouts, String history, String windows, String approvals, String idempotency,
                         String policies) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    public TableNames {
        List<String> names = List.of(rollouts, history, windows, approvals, idempotency, policies);
        for (String name : names) {
            if (name == null || !VALID.matcher(name).matches()) {
                throw new StateConfigurationException("not a valid DynamoDB table name: '" + name + "'");
            }
        }
    }

    /** Reads every table name from its {@link TableSpec#envVariable()}; all missing ones are named at once. */
    public static TableNames fromEnvironment(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        for (TableSpec spec : StateSchema.ALL) {
            String value = env.get(spec.envVariable());
            if (value == null || value.isBlank()) {
                missing.add(spec.envVariable());
            }
        }
        if (!missing.isEmpty()) {
            throw new StateConfigurationException("missing table-name environment variables: "
                    + String.join(", ", missing));
        }
        return new TableNames(env.get(StateSchema.ROLLOUTS.envVariable()), env.get(StateSchema.HISTORY.envVariable()),
                env.get(StateSchema.WINDOWS.envVariable()), env.get(StateSchema.APPROVALS.envVariable()),
                env.get(StateSchema.IDEMPOTENCY.envVariable()), env.get(StateSchema.POLICIES.envVariable()));
    }

    /** Names for locally created tables: {@code prefix + shortName}, e.g. {@code sandbox-rollouts}. */
    public static TableNames withPrefix(String prefix) {
        return new TableNames(prefix + StateSchema.ROLLOUTS.shortName(), prefix + StateSchema.HISTORY.shortName(),
                prefix + StateSchema.WINDOWS.shortName(), prefix + StateSchema.APPROVALS.shortName(),
                prefix + StateSchema.IDEMPOTENCY.shortName(), prefix + StateSchema.POLICIES.shortName());
    }

    public String nameOf(TableSpec spec) {
        if (spec == StateSchema.ROLLOUTS) {
            return rollouts;
        } else if (spec == StateSchema.HISTORY) {
            return history;
        } else if (spec == StateSchema.WINDOWS) {
            return windows;
        } else if (spec == StateSchema.APPROVALS) {
            return approvals;
        } else if (spec == StateSchema.IDEMPOTENCY) {
            return idempotency;
        } else if (spec == StateSchema.POLICIES) {
            return policies;
        }
        throw new IllegalArgumentException("not a table of the state schema: " + spec.logicalId());
    }

    /** The environment variables a deployed function needs, e.g. for a local launcher. */
    public Map<String, String> asEnvironment() {
        return Map.of(StateSchema.ROLLOUTS.envVariable(), rollouts, StateSchema.HISTORY.envVariable(), history,
                StateSchema.WINDOWS.envVariable(), windows, StateSchema.APPROVALS.envVariable(), approvals,
                StateSchema.IDEMPOTENCY.envVariable(), idempotency, StateSchema.POLICIES.envVariable(), policies);
    }
}
