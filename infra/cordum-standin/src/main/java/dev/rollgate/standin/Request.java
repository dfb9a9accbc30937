package dev.rollgate.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** One incoming request, read once. */
final class Request {
    static final int MAX_BODY = 1 << 20;

    final HttpExchange exchange;
    final String method;
    final String path;
    final String rawQuery;
    final Map<String, String> query;
    final String body;
    final boolean tooLarge;

    private Request(HttpExchange exchange, String body, boolean tooLarge) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod();
        this.path = exchange.getRequestURI().getRawPath();
        this.rawQuery = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        this.query = parseQuery(rawQuery);
        this.body = body;
        this.tooLarge = tooLarge;
    }

    static Request read(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        boolean tooLarge = bytes.length > MAX_BODY;
        return new Request(exchange, tooLarge ? "" : new String(bytes, StandardCharsets.UTF_8), tooLarge);
    }

    String header(String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value.trim();
    }

    boolean hasBody() {
        return !body.isBlank();
    }

    /** The body as a JSON object; anything else is 400 invalid json. */
    JsonNode jsonObject(ObjectMapper mapper) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiError.invalidJson();
            }
            return node;
        } catch (IOException e) {
            throw ApiError.invalidJson();
        }
    }

    /** Rejects fields outside {@code allowed}, as Cordum's policy endpoints do. */
    static void onlyFields(JsonNode node, Set<String> allowed) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw ApiError.invalidJson();
            }
        });
    }

    RecordedRequest record() {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (!lower.equals("x-api-key") && !lower.equals("authorization") && !values.isEmpty()) {
                headers.put(lower, values.get(0));
            }
        });
        return new RecordedRequest(method, path, rawQuery, headers, body);
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
