package dev.rollgate.core.metrics;

/** Which version produced a metric window. */
public enum Variant {
    BASELINE,
    CANARY,
    SHADOW;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
