package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Parameters and ResultSelector: copies the template, replacing each {@code "key.$": "path or intrinsic"} entry with
 * {@code "key": value}. Nested objects and arrays are processed too.
 */
final class PayloadTemplates {
    private static final String DYNAMIC_SUFFIX = ".$";

    private PayloadTemplates() {
    }

    /** Checks every ".$" entry once when the definition loads. */
    static void validate(JsonNode template, String where) {
        if (template.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String fieldWhere = where + "." + field.getKey();
                if (field.getKey().endsWith(DYNAMIC_SUFFIX)) {
                    if (!field.getValue().isTextual()) {
                        throw new InvalidDefinitionException(fieldWhere + ": a field ending in .$ needs a string value");
                    }
                    String expression = field.getValue().asText();
                    if (IntrinsicFunctions.isIntrinsic(expression)) {
                        IntrinsicFunctions.validate(expression, fieldWhere);
                    } else {
                        JsonPaths.requireValidPath(expression, fieldWhere);
                    }
                } else {
                    validate(field.getValue(), fieldWhere);
                }
            }
        } else if (template.isArray()) {
            for (int i = 0; i < template.size(); i++) {
                validate(template.get(i), where + "[" + i + "]");
            }
        }
    }

    static JsonNode apply(JsonNode template, JsonNode input, JsonNode context, IdSource ids, String where) {
        if (template.isObject()) {
            ObjectNode out = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                String fieldWhere = where + "." + key;
                if (key.endsWith(DYNAMIC_SUFFIX)) {
                    String expression = field.getValue().asText();
                    JsonNode value = IntrinsicFunctions.isIntrinsic(expression)
                            ? IntrinsicFunctions.evaluate(expression, input, context, ids, fieldWhere)
                            : JsonPaths.read(expression, input, context, fieldWhere);
                    out.set(key.substring(0, key.length() - DYNAMIC_SUFFIX.length()), value);
                } else {
                    out.set(key, apply(field.getValue(), input, context, ids, fieldWhere));
                }
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = Json.NODES.arrayNode();
            for (int i = 0; i < template.size(); i++) {
                out.add(apply(template.get(i), input, context, ids, where + "[" + i + "]"));
            }
            return out;
        }
        return template.deepCopy();
    }
}
