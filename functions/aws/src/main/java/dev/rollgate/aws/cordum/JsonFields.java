package dev.rollgate.aws.cordum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Reads response fields strictly where the contract promises them and tolerantly everywhere else. */
final class JsonFields {
    private JsonFields() {
    }

    static JsonNode parseObject(ObjectMapper mapper, String body) {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (IOException e) {
            throw new MalformedResponseException("malformed JSON (" + e.getClass().getSimpleName() + ")", e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedResponseException("expected a JSON object");
        }
        return node;
    }

    static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedResponseException("field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    /** A string field that may be missing or null; any other type breaks the contract. */
    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new MalformedResponseException("field '" + field + "' is not a string");
        }
        return value.asText();
    }

    static boolean requiredBoolean(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new MalformedResponseException("field '" + field + "' is missing or not a boolean");
        }
        return value.asBoolean();
    }

    static boolean optionalBoolean(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new MalformedResponseException("field '" + field + "' is not a boolean");
        }
        return value.asBoolean();
    }

    static JsonNode requiredArray(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new MalformedResponseException("field '" + field + "' is missing or not an array");
        }
        return value;
    }
}
