package dev.rollgate.console.policies;

/** Reads policy YAML the way the CLI does: a resolved policy with its explanation, or every error found. */
public interface PolicyInterpreter {
    PolicyReading read(String yaml);
}
