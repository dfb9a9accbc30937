package dev.rollgate.aws.dynamodb;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.core.state.InvalidCursorException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opaque page cursors: the query's LastEvaluatedKey plus the listing and partition it belongs to, as
 * base64url JSON. A cursor handed to another listing or partition is refused instead of silently misread.
 */
final class PageCursors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LISTING = "l";
    private static final String STRINGS = "s";
    private static final String NUMBERS = "n";

    private PageCursors() {
    }

    static Optional<String> encode(String listing, Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> strings = new LinkedHashMap<>();
        Map<String, String> numbers = new LinkedHashMap<>();
        lastKey.forEach((name, value) -> {
            if (value.s() != null) {
                strings.put(name, value.s());
            } else if (value.n() != null) {
                numbers.put(name, value.n());
            } else {
                throw new IllegalStateException("key attribute '" + name + "' is neither string nor number");
            }
        });
        Map<String, Object> cursor = Map.of(LISTING, listing, STRINGS, strings, NUMBERS, numbers);
        try {
            return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(cursor)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot encode a page cursor", e);
        }
    }

    static Optional<Map<String, AttributeValue>> decode(String listing, Optional<String> cursor) {
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> parsed;
        try {
            byte[] json = Base64.getUrlDecoder().decode(cursor.get().getBytes(StandardCharsets.US_ASCII));
            parsed = JSON.readValue(json, new TypeReference<>() { });
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new InvalidCursorException("page cursor is not one this store issued", e);
        }
        if (!listing.equals(parsed.get(LISTING)) || !(parsed.get(STRINGS) instanceof Map<?, ?> strings)
                || !(parsed.get(NUMBERS) instanceof Map<?, ?> numbers)) {
            throw new InvalidCursorException("page cursor belongs to another listing");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        strings.forEach((k, v) -> key.put(String.valueOf(k), AttributeValue.fromS(String.valueOf(v))));
        numbers.forEach((k, v) -> key.put(String.valueOf(k), AttributeValue.fromN(String.valueOf(v))));
        return Optional.of(key);
    }
}
