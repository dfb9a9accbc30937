package dev.rollgate.core.judge;

/**
 * Where the canary sits relative to the baseline once the allowed effect is taken into account: HIGH when the
 * whole confidence interval of the shift lies above the tolerated band, LOW when it lies below, else NONE.
 */
public enum ShiftClass {
    HIGH,
    LOW,
    NONE
}
