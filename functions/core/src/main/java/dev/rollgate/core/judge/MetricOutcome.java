package dev.rollgate.core.judge;

/** A judged metric's verdict. NO_DATA and ERROR never count as passing. */
public enum MetricOutcome {
    PASS,
    FAIL,
    NO_DATA,
    ERROR
}
