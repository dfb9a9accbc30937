package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSONPath for ASL: reading is done by the json-path library over Jackson trees; paths starting with {@code $$}
 * read the context object. Writing (ResultPath) accepts only ASL reference paths made of field names.
 */
final class JsonPaths {
    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();
    private static final Pattern REFERENCE_SEGMENT =
            Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_\\-]*)|\\['([^'\\\\]+)'\\]");

    private JsonPaths() {
    }

    /** Whether the text is a path ASL accepts in a path field; checked once when the definition loads. */
    static void requireValidPath(String path, String where) {
        if (path == null || !path.startsWith("$")) {
            throw new InvalidDefinitionException(where + ": '" + path + "' is not a JSONPath (must start with $)");
        }
        try {
            JsonPath.compile(path.startsWith("$$") ? path.substring(1) : path);
        } catch (InvalidPathException e) {
            throw new InvalidDefinitionException(where + ": '" + path + "' is not a valid JSONPath: " + e.getMessage(), e);
        }
    }

    /** Whether the path is a reference path (fields only), the only kind a ResultPath may use. */
    static void requireReferencePath(String path, String where) {
        requireValidPath(path, where);
        if (path.startsWith("$$") || segments(path) == null) {
            throw new UnsupportedAslFeatureException(where,
                    "ResultPath '" + path + "' (only $ and field paths like $.a.b or $['a'] are supported)");
        }
    }

    /**
     * Reads a path from the input ({@code $...}) or the context object ({@code $$...}); a path that selects
     * nothing is a States.Runtime error, as in Step Functions.
     */
    static JsonNode read(String path, JsonNode input, JsonNode context, String where) {
        boolean fromContext = path.startsWith("$$");
        JsonNode document = fromContext ? context : input;
        String effectivePath = fromContext ? path.substring(1) : path;
        try {
            Object value = JsonPath.using(CONFIGURATION).parse(document).read(effectivePath);
            JsonNode node = value instanceof JsonNode json ? json : Json.MAPPER.valueToTree(value);
            return node.deepCopy();
        } catch (PathNotFoundException e) {
            throw StatesErrorException.runtime(where + ": the JSONPath '" + path + "' could not be found in the "
                    + (fromContext ? "context object" : "input"));
        }
    }

    /** Whether the path selects something (IsPresent). */
    static boolean isPresent(String path, JsonNode input, JsonNode context) {
        try {
            read(path, input, context, "");
            return true;
        } catch (StatesErrorException e) {
            return false;
        }
    }

    /** ResultPath: a copy of the raw input with the result placed at the reference path, creating objects. */
    static JsonNode placeResult(String path, JsonNode rawInput, JsonNode result, String where) {
        List<String> fields = segments(path);
        if (fields == null) {
            throw new UnsupportedAslFeatureException(where, "ResultPath '" + path + "'");
        }
        if (fields.isEmpty()) {
            return result.deepCopy();
        }
        if (!rawInput.isObject()) {
            throw new StatesErrorException("States.ResultPathMatchFailure",
                    where + ": ResultPath '" + path + "' cannot be applied to a state input that is not an object");
        }
        ObjectNode root = (ObjectNode) rawInput.deepCopy();
        ObjectNode cursor = root;
        for (int i = 0; i < fields.size() - 1; i++) {
            JsonNode next = cursor.get(fields.get(i));
            if (next == null || next.isNull()) {
                next = cursor.putObject(fields.get(i));
            } else if (!next.isObject()) {
                throw new StatesErrorException("States.ResultPathMatchFailure", where + ": ResultPath '" + path
                        + "' runs through '" + fields.get(i) + "', which is not an object in the state input");
            }
            cursor = (ObjectNode) next;
        }
        cursor.set(fields.get(fields.size() - 1), result.deepCopy());
        return root;
    }

    /** The field names of a reference path, or null when it is not one. */
    private static List<String> segments(String path) {
        if (!path.startsWith("$") || path.startsWith("$$")) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        Matcher matcher = REFERENCE_SEGMENT.matcher(path);
        int position = 1;
        while (position < path.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                return null;
            }
            fields.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            position = matcher.end();
        }
        return fields;
    }
}
