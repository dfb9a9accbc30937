package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code DefinitionSubstitutions} the way the deployed template does: each {@code ${Name}} inside a string
 * value is replaced. A placeholder without a value, or a value no placeholder uses, is an error: both are typos.
 */
final class DefinitionSubstitutions {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private DefinitionSubstitutions() {
    }

    static JsonNode apply(JsonNode definition, Map<String, String> substitutions) {
        Set<String> missing = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        JsonNode result = substitute(definition.deepCopy(), substitutions, missing, used);
        if (!missing.isEmpty()) {
            throw new InvalidDefinitionException("the definition uses substitutions without a value: " + missing);
        }
        Set<String> unused = new TreeSet<>(substitutions.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new InvalidDefinitionException("substitutions not used by the definition: " + unused);
        }
        return result;
    }

    private static JsonNode substitute(JsonNode node, Map<String, String> values, Set<String> missing,
                                       Set<String> used) {
        if (node.isTextual()) {
            return Json.NODES.textNode(replace(node.asText(), values, missing, used));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                field.setValue(substitute(field.getValue(), values, missing, used));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), values, missing, used));
            }
        }
        return node;
    }

    private static String replace(String text, Map<String, String> values, Set<String> missing, Set<String> used) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.get(name);
            if (value == null) {
                missing.add(name);
                value = matcher.group();
            } else {
                used.add(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
