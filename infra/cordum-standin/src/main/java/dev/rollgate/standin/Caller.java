package dev.rollgate.standin;

/** The authenticated caller of one request. */
record Caller(StandInConfig.ApiKey key, String tenant, String principal) {
}
