package dev.rollgate.standin;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Cordum error answer; thrown inside handlers and written as {@code {error, code, status}}. */
final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, Object> extra;

    ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    ApiError(int status, String code, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.extra = extra;
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.put("code", code);
        body.put("status", status);
        body.putAll(extra);
        return body;
    }

    static ApiError invalidJson() {
        return new ApiError(400, "invalid_json", "invalid json");
    }

    static ApiError notFound(String what) {
        return new ApiError(404, "not_found", what + " not found");
    }
}
