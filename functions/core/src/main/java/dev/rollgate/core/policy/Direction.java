package dev.rollgate.core.policy;

/** Which way a metric moving makes the canary worse. */
public enum Direction {
    /** A higher canary value is a regression (error rate, latency). */
    INCREASE,
    /** A lower canary value is a regression (eval score, success rate). */
    DECREASE,
    /** Any significant shift is a regression. */
    EITHER;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
