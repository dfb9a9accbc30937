package dev.rollgate.standin;

import java.util.Map;

/**
 * A request the stand-in received, for tests that check what a client sent. Credential headers are not kept.
 *
 * @param headers lower-case header names, first value each
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, String body) {
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
