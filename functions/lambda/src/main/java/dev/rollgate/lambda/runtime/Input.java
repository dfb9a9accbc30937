package dev.rollgate.lambda.runtime;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Strict reading of a handler's JSON input (as the Lambda runtime hands it over: maps, lists, strings, numbers,
 * booleans). Every missing or mistyped field is an {@link InvalidInputException} naming the field's path; a value
 * is never defaulted.
 */
public final class Input {
    private final Map<?, ?> fields;
    private final String path;

    private Input(Map<?, ?> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    /** @param what names the input in errors, e.g. "preflight input" */
    public static Input of(Map<String, Object> event, String what) {
        if (event == null) {
            throw new InvalidInputException(what + ": expected a JSON object, got nothing");
        }
        return new Input(event, "");
    }

    public String requiredText(String name) {
        Object value = present(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw wrong(name, "a non-blank string", value);
        }
        return text;
    }

    public Optional<String> optionalText(String name) {
        return fields.get(name) == null ? Optional.empty() : Optional.of(requiredText(name));
    }

    public int requiredInt(String name) {
        Object value = present(name);
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long n = ((Number) value).longValue();
            if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
                return (int) n;
            }
        } else if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
            return (int) number.doubleValue();
        }
        throw wrong(name, "an integer", value);
    }

    public int requiredIntBetween(String name, int min, int max) {
        int value = requiredInt(name);
        if (value < min || value > max) {
            throw new InvalidInputException("field '" + pathOf(name) + "': must be between " + min + " and " + max
                    + ", got " + value);
        }
        return value;
    }

    public boolean requiredBoolean(String name) {
        Object value = present(name);
        if (!(value instanceof Boolean b)) {
            throw wrong(name, "true or false", value);
        }
        return b;
    }

    public Optional<Boolean> optionalBoolean(String name) {
        return fields.get(name) == null ? Optional.empty() : Optional.of(requiredBoolean(name));
    }

    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        String text = requiredText(name);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("field '" + pathOf(name) + "': unknown value '" + text + "', expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public Input requiredObject(String name) {
        Object value = present(name);
        if (!(value instanceof Map<?, ?> map)) {
            throw wrong(name, "a JSON object", value);
        }
        return new Input(map, pathOf(name) + ".");
    }

    public Optional<Input> optionalObject(String name) {
        return fields.get(name) == null ? Optional.empty() : Optional.of(requiredObject(name));
    }

    /** The raw value of an object field, for passing on as JSON (e.g. an EventBridge detail). */
    public Map<?, ?> rawObject(String name) {
        Object value = present(name);
        if (!(value instanceof Map<?, ?> map)) {
            throw wrong(name, "a JSON object", value);
        }
        return map;
    }

    private Object present(String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new InvalidInputException("field '" + pathOf(name) + "': required");
        }
        return value;
    }

    private String pathOf(String name) {
        return path + name;
    }

    private InvalidInputException wrong(String name, String expected, Object value) {
        // Only the type is named: values may be long or carry data that does not belong in an error message.
        String got = value instanceof String s && s.isBlank() ? "a blank string"
                : value == null ? "null" : "a " + value.getClass().getSimpleName();
        return new InvalidInputException("field '" + pathOf(name) + "': expected " + expected + ", got " + got);
    }
}
