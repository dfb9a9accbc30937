package dev.rollgate.core.policy;

import java.util.List;

/** The outcome of reading a policy document: a resolved policy, or every problem found in it. */
public sealed interface PolicyParseResult {
    record Valid(RolloutPolicy policy) implements PolicyParseResult {
    }

    record Invalid(List<PolicyError> errors) implements PolicyParseResult {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one error");
            }
        }
    }
}
