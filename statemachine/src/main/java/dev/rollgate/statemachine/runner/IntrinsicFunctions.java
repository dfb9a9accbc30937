package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ASL intrinsic functions the runner supports: States.Format, States.StringToJson, States.JsonToString,
 * States.Array, States.MathAdd and States.UUID. Expressions are parsed when the definition loads (so an unknown
 * function fails before any execution starts) and evaluated against the effective input and the context object.
 */
final class IntrinsicFunctions {
    static final Set<String> SUPPORTED = Set.of("States.Format", "States.StringToJson", "States.JsonToString",
            "States.Array", "States.MathAdd", "States.UUID");
    // Escaped braces inside string literals are kept apart from placeholders until formatting is done.
    private static final char OPEN_LITERAL = '\uE000';
    private static final char CLOSE_LITERAL = '\uE001';

    private IntrinsicFunctions() {
    }

    /** Whether a ".$" value is an intrinsic call rather than a path. */
    static boolean isIntrinsic(String expression) {
        return expression.startsWith("States.");
    }

    /** Parses the expression and checks names and argument counts; where names the state and field. */
    static void validate(String expression, String where) {
        new Parser(expression, where).parseWhole();
    }

    static JsonNode evaluate(String expression, JsonNode input, JsonNode context, IdSource ids, String where) {
        Call call = new Parser(expression, where).parseWhole();
        return new Evaluator(input, context, ids, where).call(call);
    }

    private sealed interface Arg permits Literal, PathArg, Call {
    }

    private record Literal(JsonNode value) implements Arg {
    }

    private record PathArg(String path) implements Arg {
    }

    private record Call(String name, List<Arg> args) implements Arg {
    }

    private static final class Parser {
        private final String text;
        private final String where;
        private int position;

        Parser(String text, String where) {
            this.text = text;
            this.where = where;
        }

        Call parseWhole() {
            Call call = parseCall();
            skipSpaces();
            if (position != text.length()) {
                throw invalid("unexpected text after the closing parenthesis");
            }
            return call;
        }

        private Call parseCall() {
            int start = position;
            while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
                    || text.charAt(position) == '.')) {
                position++;
            }
            String name = text.substring(start, position);
            if (!SUPPORTED.contains(name)) {
                throw new UnsupportedAslFeatureException(where, "intrinsic function '" + name + "'");
            }
            expect('(');
            List<Arg> args = new ArrayList<>();
            skipSpaces();
            if (peek() != ')') {
                args.add(parseArg());
                skipSpaces();
                while (peek() == ',') {
                    position++;
                    args.add(parseArg());
                    skipSpaces();
                }
            }
            expect(')');
            checkArity(name, args.size());
            return new Call(name, List.copyOf(args));
        }

        private void checkArity(String name, int count) {
            boolean ok = switch (name) {
                case "States.Format" -> count >= 1;
                case "States.StringToJson", "States.JsonToString" -> count == 1;
                case "States.MathAdd" -> count == 2;
                case "States.UUID" -> count == 0;
                default -> true;
            };
            if (!ok) {
                throw invalid(name + " does not take " + count + " argument(s)");
            }
        }

        private Arg parseArg() {
            skipSpaces();
            char c = peek();
            if (c == '\'') {
                return new Literal(Json.NODES.textNode(parseString()));
            }
            if (c == '$') {
                return new PathArg(parsePath());
            }
            if (text.startsWith("States.", position)) {
                return parseCall();
            }
            int start = position;
            while (position < text.length() && ",) ".indexOf(text.charAt(position)) < 0) {
                position++;
            }
            String token = text.substring(start, position);
            switch (token) {
                case "true":
                    return new Literal(Json.NODES.booleanNode(true));
                case "false":
                    return new Literal(Json.NODES.booleanNode(false));
                case "null":
                    return new Literal(Json.NODES.nullNode());
                default:
                    if (!token.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
                        throw invalid("argument '" + token + "' is not a string, number, boolean, null, path or call");
                    }
                    // Parsed like any JSON number so it compares equal to numbers read from inputs.
                    return new Literal(Json.parse(token, "number literal"));
            }
        }

        private String parseString() {
            position++;
            StringBuilder value = new StringBuilder();
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '\'') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (position >= text.length()) {
                        break;
                    }
                    char escaped = text.charAt(position++);
                    value.append(escaped == '{' ? OPEN_LITERAL : escaped == '}' ? CLOSE_LITERAL : escaped);
                } else {
                    value.append(c);
                }
            }
            throw invalid("unterminated string literal");
        }

        private String parsePath() {
            int start = position;
            int depth = 0;
            boolean quoted = false;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '\'') {
                    quoted = !quoted;
                } else if (!quoted && (c == '[' || c == '(')) {
                    depth++;
                } else if (!quoted && (c == ']' || (c == ')' && depth > 0))) {
                    depth--;
                } else if (!quoted && depth == 0 && (c == ',' || c == ')' || c == ' ')) {
                    break;
                }
                position++;
            }
            String path = text.substring(start, position);
            JsonPaths.requireValidPath(path, where);
            return path;
        }

        private void expect(char c) {
            skipSpaces();
            if (peek() != c) {
                throw invalid("expected '" + c + "' at position " + position);
            }
            position++;
        }

        private char peek() {
            return position < text.length() ? text.charAt(position) : '\0';
        }

        private void skipSpaces() {
            while (position < text.length() && text.charAt(position) == ' ') {
                position++;
            }
        }

        private InvalidDefinitionException invalid(String problem) {
            return new InvalidDefinitionException(where + ": invalid intrinsic function '" + text + "': " + problem);
        }
    }

    private record Evaluator(JsonNode input, JsonNode context, IdSource ids, String where) {
        JsonNode call(Call call) {
            List<JsonNode> args = new ArrayList<>();
            for (Arg arg : call.args()) {
                args.add(value(arg));
            }
            return switch (call.name()) {
                case "States.Format" -> format(args);
                case "States.StringToJson" -> stringToJson(args.get(0));
                case "States.JsonToString" -> Json.NODES.textNode(Json.write(args.get(0)));
                case "States.Array" -> array(args);
                case "States.MathAdd" -> mathAdd(args.get(0), args.get(1));
                case "States.UUID" -> Json.NODES.textNode(ids.nextId());
                default -> throw new UnsupportedAslFeatureException(where, "intrinsic function '" + call.name() + "'");
            };
        }

        private JsonNode value(Arg arg) {
            if (arg instanceof Literal literal) {
                return literal.value();
            }
            if (arg instanceof PathArg path) {
                return JsonPaths.read(path.path(), input, context, where);
            }
            return call((Call) arg);
        }

        private JsonNode format(List<JsonNode> args) {
            JsonNode template = args.get(0);
            if (!template.isTextual()) {
                throw failure("States.Format needs a string template as its first argument");
            }
            String pattern = template.asText();
            StringBuilder out = new StringBuilder();
            int next = 1;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '{' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '}') {
                    if (next >= args.size()) {
                        throw failure("States.Format has more {} placeholders than arguments");
                    }
                    out.append(formatArgument(args.get(next++)));
                    i++;
                } else {
                    out.append(c);
                }
            }
            if (next != args.size()) {
                throw failure("States.Format has more arguments than {} placeholders");
            }
            return Json.NODES.textNode(unescape(out.toString()));
        }

        private String formatArgument(JsonNode value) {
            if (value.isContainerNode()) {
                throw failure("States.Format arguments must be strings, numbers, booleans or null");
            }
            return value.isTextual() ? value.asText() : Json.write(value);
        }

        private JsonNode stringToJson(JsonNode value) {
            if (!value.isTextual()) {
                throw failure("States.StringToJson needs a string argument");
            }
            try {
                return Json.parse(unescape(value.asText()), "States.StringToJson argument");
            } catch (IllegalArgumentException e) {
                throw failure(e.getMessage());
            }
        }

        private JsonNode array(List<JsonNode> args) {
            ArrayNode array = Json.NODES.arrayNode();
            args.forEach(arg -> array.add(unescapeText(arg)));
            return array;
        }

        private JsonNode mathAdd(JsonNode left, JsonNode right) {
            if (!isInteger(left) || !isInteger(right)) {
                throw failure("States.MathAdd needs two integer arguments");
            }
            long sum = left.decimalValue().add(right.decimalValue()).longValueExact();
            return sum == (int) sum ? Json.NODES.numberNode((int) sum) : Json.NODES.numberNode(sum);
        }

        private static boolean isInteger(JsonNode node) {
            if (!node.isNumber()) {
                return false;
            }
            BigDecimal value = node.decimalValue();
            return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        }

        private static JsonNode unescapeText(JsonNode node) {
            return node.isTextual() ? Json.NODES.textNode(unescape(node.asText())) : node;
        }

        private static String unescape(String text) {
            return text.replace(OPEN_LITERAL, '{').replace(CLOSE_LITERAL, '}');
        }

        private StatesErrorException failure(String problem) {
            return StatesErrorException.runtime(where + ": " + problem);
        }
    }
}
