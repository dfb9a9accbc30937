package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Choice rules: validation when the definition loads and evaluation against the Choice state's effective input.
 * Supports And/Or/Not, every String/Numeric/Boolean/Timestamp comparison with its *Path variant, StringMatches and
 * the type tests IsPresent/IsNull/IsNumeric/IsString/IsBoolean/IsTimestamp.
 */
final class ChoiceRules {
    private static final Set<String> COMPARISONS = Set.of("Equals", "LessThan", "GreaterThan", "LessThanEquals",
            "GreaterThanEquals");
    private static final Set<String> TYPE_TESTS = Set.of("IsPresent", "IsNull", "IsNumeric", "IsString",
            "IsBoolean", "IsTimestamp");

    private ChoiceRules() {
    }

    static void validate(JsonNode rule, boolean topLevel, String where) {
        if (!rule.isObject()) {
            throw new InvalidDefinitionException(where + ": a choice rule must be an object");
        }
        String operator = null;
        for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.equals("Comment") || field.equals("Variable")) {
                continue;
            }
            if (field.equals("Next")) {
                if (!topLevel) {
                    throw new InvalidDefinitionException(where + ": Next is only allowed on top-level choice rules");
                }
                continue;
            }
            if (operator != null) {
                throw new InvalidDefinitionException(where + ": a choice rule has exactly one operator, found '"
                        + operator + "' and '" + field + "'");
            }
            operator = field;
        }
        if (topLevel && !rule.path("Next").isTextual()) {
            throw new InvalidDefinitionException(where + ": a top-level choice rule needs Next");
        }
        if (operator == null) {
            throw new InvalidDefinitionException(where + ": a choice rule needs an operator");
        }
        String operatorWhere = where + "." + operator;
        JsonNode operand = rule.get(operator);
        switch (operator) {
            case "And", "Or" -> {
                requireNoVariable(rule, operatorWhere);
                if (!operand.isArray() || operand.isEmpty()) {
                    throw new InvalidDefinitionException(operatorWhere + " needs a non-empty array of rules");
                }
                for (int i = 0; i < operand.size(); i++) {
                    validate(operand.get(i), false, operatorWhere + "[" + i + "]");
                }
            }
            case "Not" -> {
                requireNoVariable(rule, operatorWhere);
                validate(operand, false, operatorWhere);
            }
            default -> validateDataTest(rule, operator, operand, operatorWhere);
        }
    }

    private static void requireNoVariable(JsonNode rule, String where) {
        if (rule.has("Variable")) {
            throw new InvalidDefinitionException(where + ": And/Or/Not rules take no Variable");
        }
    }

    private static void validateDataTest(JsonNode rule, String operator, JsonNode operand, String where) {
        if (!rule.path("Variable").isTextual()) {
            throw new InvalidDefinitionException(where + ": a comparison needs a string Variable");
        }
        JsonPaths.requireValidPath(rule.get("Variable").asText(), where + " Variable");
        if (TYPE_TESTS.contains(operator)) {
            requireOperand(operand.isBoolean(), where, "true or false");
            return;
        }
        if (operator.endsWith("Path") && isComparison(operator.substring(0, operator.length() - 4))) {
            requireOperand(operand.isTextual(), where, "a path string");
            JsonPaths.requireValidPath(operand.asText(), where);
            return;
        }
        if (operator.equals("StringMatches")) {
            requireOperand(operand.isTextual(), where, "a string pattern");
            return;
        }
        if (!isComparison(operator)) {
            throw new UnsupportedAslFeatureException(where, "choice operator '" + operator + "'");
        }
        if (operator.startsWith("String")) {
            requireOperand(operand.isTextual(), where, "a string");
        } else if (operator.startsWith("Numeric")) {
            requireOperand(operand.isNumber(), where, "a number");
        } else if (operator.startsWith("Boolean")) {
            requireOperand(operand.isBoolean(), where, "true or false");
        } else {
            requireOperand(timestamp(operand).isPresent(), where, "an RFC 3339 timestamp");
        }
    }

    private static boolean isComparison(String operator) {
        if (operator.equals("BooleanEquals")) {
            return true;
        }
        for (String type : new String[] {"String", "Numeric", "Timestamp"}) {
            if (operator.startsWith(type) && COMPARISONS.contains(operator.substring(type.length()))) {
                return true;
            }
        }
        return false;
    }

    private static void requireOperand(boolean ok, String where, String expected) {
        if (!ok) {
            throw new InvalidDefinitionException(where + ": the operand must be " + expected);
        }
    }

    /** Evaluates a validated rule; a Variable or *Path that selects nothing is a States.Runtime error. */
    static boolean matches(JsonNode rule, JsonNode input, JsonNode context, String where) {
        if (rule.has("And")) {
            for (JsonNode inner : rule.get("And")) {
                if (!matches(inner, input, context, where)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode inner : rule.get("Or")) {
                if (matches(inner, input, context, where)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"), input, context, where);
        }
        String variable = rule.get("Variable").asText();
        Map.Entry<String, JsonNode> operator = operatorOf(rule);
        String name = operator.getKey();
        if (name.equals("IsPresent")) {
            return JsonPaths.isPresent(variable, input, context) == operator.getValue().asBoolean();
        }
        JsonNode value = JsonPaths.read(variable, input, context, where + " Variable");
        if (TYPE_TESTS.contains(name)) {
            return typeTest(name, value) == operator.getValue().asBoolean();
        }
        JsonNode operand = operator.getValue();
        if (name.endsWith("Path")) {
            name = name.substring(0, name.length() - 4);
            operand = JsonPaths.read(operand.asText(), input, context, where + " " + operator.getKey());
        }
        return compare(name, value, operand);
    }

    private static Map.Entry<String, JsonNode> operatorOf(JsonNode rule) {
        for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (!key.equals("Variable") && !key.equals("Next") && !key.equals("Comment")) {
                return field;
            }
        }
        throw new IllegalStateException("a validated choice rule has no operator");
    }

    private static boolean typeTest(String test, JsonNode value) {
        return switch (test) {
            case "IsNull" -> value.isNull();
            case "IsNumeric" -> value.isNumber();
            case "IsString" -> value.isTextual();
            case "IsBoolean" -> value.isBoolean();
            case "IsTimestamp" -> timestamp(value).isPresent();
            default -> throw new IllegalStateException("unknown type test " + test);
        };
    }

    /** Comparisons of mismatched types are false, as in Step Functions. */
    private static boolean compare(String operator, JsonNode value, JsonNode operand) {
        if (operator.equals("StringMatches")) {
            return value.isTextual() && wildcard(operand.asText()).matcher(value.asText()).matches();
        }
        if (operator.equals("BooleanEquals")) {
            return value.isBoolean() && operand.isBoolean() && value.asBoolean() == operand.asBoolean();
        }
        if (operator.startsWith("String")) {
            return value.isTextual() && operand.isTextual()
                    && outcome(operator.substring(6)).test(value.asText().compareTo(operand.asText()));
        }
        if (operator.startsWith("Numeric")) {
            return value.isNumber() && operand.isNumber()
                    && outcome(operator.substring(7)).test(value.decimalValue().compareTo(operand.decimalValue()));
        }
        Optional<Instant> left = timestamp(value);
        Optional<Instant> right = timestamp(operand);
        return left.isPresent() && right.isPresent()
                && outcome(operator.substring(9)).test(left.get().compareTo(right.get()));
    }

    private static IntPredicate outcome(String comparison) {
        return switch (comparison) {
            case "Equals" -> c -> c == 0;
            case "LessThan" -> c -> c < 0;
            case "GreaterThan" -> c -> c > 0;
            case "LessThanEquals" -> c -> c <= 0;
            case "GreaterThanEquals" -> c -> c >= 0;
            default -> throw new IllegalStateException("unknown comparison " + comparison);
        };
    }

    static Optional<Instant> timestamp(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(node.asText()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** StringMatches: '*' matches any run of characters; '\*' and '\\' stand for a literal star and backslash. */
    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (c == '*') {
                regex.append(Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
