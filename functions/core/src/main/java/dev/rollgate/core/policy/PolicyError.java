package dev.rollgate.core.policy;

/**
 * One problem found in a policy document.
 *
 * @param path    field path such as {@code stages[1].weight} ({@code $} for the document itself)
 * @param line    1-based line number in the source, 0 when the problem has no single place
 * @param message what is wrong, in words a user can act on
 */
public record PolicyError(String path, int line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + path + ": " + message;
    }
}
