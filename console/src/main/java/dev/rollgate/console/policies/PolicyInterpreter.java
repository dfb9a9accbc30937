package dev.rollgate.console.policies;

/** Reads policy YAML the way the CLI does: a resolved policy with its explanation, or every error found. */
public interface PolicyInterpreter {
    /** Reads {@code yaml}; {@code defaultName} names the policy when the document does not. */
    PolicyReading read(String yaml, String defaultName);

    default PolicyReading read(String yaml) {
        return read(yaml, "policy");
    }
}
