package dev.rollgate.console.policies;

import dev.rollgate.core.policy.RolloutPolicy;

import java.util.List;
import java.util.Objects;

/** The outcome of reading a policy for the console. */
public sealed interface PolicyReading {
    /** A valid policy and the explanation the CLI's {@code policy explain} prints, one line each. */
    record Valid(RolloutPolicy policy, List<String> explanation) implements PolicyReading {
        public Valid {
            Objects.requireNonNull(policy, "policy");
            explanation = List.copyOf(explanation);
        }
    }

    /** Every problem found, each naming the line and field path. */
    record Invalid(List<String> errors) implements PolicyReading {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
