package dev.rollgate.core.policy;

/** What a stage exposes: mirrored evaluation only, a weighted share of user traffic, or all of it. */
public enum StageType {
    SHADOW,
    CANARY,
    FULL;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
