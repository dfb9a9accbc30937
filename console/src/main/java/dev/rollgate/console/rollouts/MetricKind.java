package dev.rollgate.console.rollouts;

/** Whether a metric is one of the judge's built-in metrics or a policy-declared custom family, and of which kind. */
public enum MetricKind {
    BUILT_IN("built-in", "built-in"),
    /** A count pair ({@code events}/{@code total}), charted as its rate per window. */
    CUSTOM_COUNT("custom count", "custom count, rate per window"),
    /** A score summary ({@code count}, {@code mean}, quantiles), charted as its mean per window. */
    CUSTOM_SCORE("custom score", "custom score, mean per window");

    private final String shortLabel;
    private final String label;

    MetricKind(String shortLabel, String label) {
        this.shortLabel = shortLabel;
        this.label = label;
    }

    /** For the verdict table's kind column. */
    public String shortLabel() {
        return shortLabel;
    }

    /** For chart titles: the kind and what one point is. */
    public String label() {
        return label;
    }

    public boolean custom() {
        return this != BUILT_IN;
    }
}
