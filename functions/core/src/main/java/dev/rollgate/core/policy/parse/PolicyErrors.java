package dev.rollgate.core.policy.parse;

import dev.rollgate.core.policy.PolicyError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a document so a user sees them all in one run, in source order. */
final class PolicyErrors {
    private final List<PolicyError> errors = new ArrayList<>();

    void add(PolicyNode at, String message) {
        errors.add(new PolicyError(at.path(), at.line(), message));
    }

    void add(String path, int line, String message) {
        errors.add(new PolicyError(path, line, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    List<PolicyError> sorted() {
        List<PolicyError> copy = new ArrayList<>(errors);
        copy.sort(Comparator.comparingInt(PolicyError::line).thenComparing(PolicyError::path));
        return copy;
    }
}
