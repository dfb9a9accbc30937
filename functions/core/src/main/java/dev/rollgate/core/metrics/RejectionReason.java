package dev.rollgate.core.metrics;

/** Why a metric window was rejected; a small fixed set so ingestion can count rejections per reason. */
public enum RejectionReason {
    MALFORMED_JSON,
    NOT_AN_OBJECT,
    UNKNOWN_FIELD,
    MISSING_FIELD,
    WRONG_TYPE,
    INVALID_VALUE,
    NEGATIVE_COUNT,
    NON_FINITE_NUMBER,
    ERRORS_EXCEED_REQUESTS,
    DENIES_EXCEED_EVALUATIONS,
    EVENTS_EXCEED_TOTAL,
    QUANTILES_OUT_OF_ORDER,
    UNDECLARED_CUSTOM_METRIC,
    CONFLICTING_DUPLICATE,
    /** The window's text is larger than {@link WindowParser#MAX_WINDOW_CHARS}; it is not read at all. */
    OVERSIZED_WINDOW;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
