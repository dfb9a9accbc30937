package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a definition against exactly the ASL subset the runner implements, before anything runs: every field,
 * state type, choice operator and intrinsic function outside the subset is rejected with a message naming it and
 * the state.
 */
final class DefinitionValidator {
    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("Comment", "StartAt", "States", "TimeoutSeconds",
            "Version", "QueryLanguage");
    private static final Map<String, Set<String>> STATE_FIELDS = Map.of(
            "Pass", Set.of("Type", "Comment", "Next", "End", "InputPath", "OutputPath", "Parameters", "ResultPath",
                    "Result"),
            "Task", Set.of("Type", "Comment", "Next", "End", "Resource", "InputPath", "OutputPath", "Parameters",
                    "ResultSelector", "ResultPath", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath",
                    "HeartbeatSeconds", "HeartbeatSecondsPath"),
            "Choice", Set.of("Type", "Comment", "Choices", "Default", "InputPath", "OutputPath"),
            "Wait", Set.of("Type", "Comment", "Next", "End", "Seconds", "SecondsPath", "Timestamp", "TimestampPath",
                    "InputPath", "OutputPath"),
            "Succeed", Set.of("Type", "Comment", "InputPath", "OutputPath"),
            "Fail", Set.of("Type", "Comment", "Error", "Cause", "ErrorPath", "CausePath"));
    private static final Set<String> RETRY_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
            "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCH_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

    private final JsonNode states;

    private DefinitionValidator(JsonNode states) {
        this.states = states;
    }

    static void validateTopLevel(JsonNode root) {
        if (!root.isObject()) {
            throw new InvalidDefinitionException("the definition must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!TOP_LEVEL_FIELDS.contains(field)) {
                throw new UnsupportedAslFeatureException("definition", "top-level field '" + field + "'");
            }
        }
        if (root.has("QueryLanguage") && !"JSONPath".equals(root.get("QueryLanguage").asText())) {
            throw new UnsupportedAslFeatureException("definition",
                    "QueryLanguage '" + root.get("QueryLanguage").asText() + "' (only JSONPath)");
        }
        if (root.has("TimeoutSeconds") && !isPositiveInt(root.get("TimeoutSeconds"))) {
            throw new InvalidDefinitionException("definition: TimeoutSeconds must be a positive integer");
        }
        if (!root.path("States").isObject() || root.get("States").isEmpty()) {
            throw new InvalidDefinitionException("definition: States must be a non-empty object");
        }
        if (!root.path("StartAt").isTextual() || !root.get("States").has(root.get("StartAt").asText())) {
            throw new InvalidDefinitionException("definition: StartAt must name one of the States");
        }
        DefinitionValidator validator = new DefinitionValidator(root.get("States"));
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("States").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            validator.validateState(state.getKey(), state.getValue());
        }
    }

    private void validateState(String name, JsonNode state) {
        String where = "state '" + name + "'";
        if (!state.isObject() || !state.path("Type").isTextual()) {
            throw new InvalidDefinitionException(where + ": a state must be an object with a string Type");
        }
        String type = state.get("Type").asText();
        Set<String> allowed = STATE_FIELDS.get(type);
        if (allowed == null) {
            throw new UnsupportedAslFeatureException(where, "state type '" + type + "'");
        }
        for (Iterator<String> it = state.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new UnsupportedAslFeatureException(where, "field '" + field + "' in a " + type + " state");
            }
        }
        if (allowed.contains("End")) {
            validateTransition(state, where);
        }
        optionalPath(state, "InputPath", where);
        optionalPath(state, "OutputPath", where);
        if (state.has("ResultPath") && !state.get("ResultPath").isNull()) {
            requireText(state, "ResultPath", where);
            JsonPaths.requireReferencePath(state.get("ResultPath").asText(), where + " ResultPath");
        }
        if (state.has("Parameters")) {
            PayloadTemplates.validate(state.get("Parameters"), where + " Parameters");
        }
        if (state.has("ResultSelector")) {
            PayloadTemplates.validate(state.get("ResultSelector"), where + " ResultSelector");
        }
        switch (type) {
            case "Task" -> validateTask(state, where);
            case "Choice" -> validateChoice(state, where);
            case "Wait" -> validateWait(state, where);
            case "Fail" -> validateFail(state, where);
            default -> {
            }
        }
    }

    private void validateTransition(JsonNode state, String where) {
        boolean end = state.path("End").asBoolean(false);
        if (state.has("End") && !state.get("End").isBoolean()) {
            throw new InvalidDefinitionException(where + ": End must be true or false");
        }
        if (end == state.has("Next")) {
            throw new InvalidDefinitionException(where + ": needs exactly one of Next or \"End\": true");
        }
        if (!end) {
            requireState(state.get("Next"), where + " Next");
        }
    }

    private void requireState(JsonNode target, String where) {
        if (target == null || !target.isTextual() || !states.has(target.asText())) {
            throw new InvalidDefinitionException(where + ": '" + (target == null ? null : target.asText())
                    + "' is not a state of this definition");
        }
    }

    private void validateTask(JsonNode state, String where) {
        String resource = requireText(state, "Resource", where);
        if (resource.endsWith(".sync") || resource.contains(".sync:")) {
            throw new UnsupportedAslFeatureException(where, "the .sync integration pattern (" + resource + ")");
        }
        if (resource.startsWith(TaskTarget.LAMBDA_INVOKE)) {
            JsonNode parameters = state.path("Parameters");
            if (!parameters.path("FunctionName").isTextual()) {
                throw new UnsupportedAslFeatureException(where,
                        "lambda:invoke without a literal Parameters.FunctionName");
            }
            if (!parameters.has("Payload") && !parameters.has("Payload.$")) {
                throw new UnsupportedAslFeatureException(where, "lambda:invoke without Parameters.Payload");
            }
        }
        exclusive(state, where, "TimeoutSeconds", "TimeoutSecondsPath");
        exclusive(state, where, "HeartbeatSeconds", "HeartbeatSecondsPath");
        for (String field : List.of("TimeoutSeconds", "HeartbeatSeconds")) {
            if (state.has(field) && !isPositiveInt(state.get(field))) {
                throw new InvalidDefinitionException(where + ": " + field + " must be a positive integer");
            }
        }
        for (String field : List.of("TimeoutSecondsPath", "HeartbeatSecondsPath")) {
            optionalPath(state, field, where);
        }
        if (state.has("TimeoutSeconds") && state.has("HeartbeatSeconds")
                && state.get("HeartbeatSeconds").asLong() >= state.get("TimeoutSeconds").asLong()) {
            throw new InvalidDefinitionException(where + ": HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        retriers(state, where);
        catchers(state, where);
    }

    private void validateChoice(JsonNode state, String where) {
        JsonNode choices = state.path("Choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new InvalidDefinitionException(where + ": Choices must be a non-empty array");
        }
        for (int i = 0; i < choices.size(); i++) {
            String ruleWhere = where + " Choices[" + i + "]";
            ChoiceRules.validate(choices.get(i), true, ruleWhere);
            requireState(choices.get(i).get("Next"), ruleWhere + " Next");
        }
        if (state.has("Default")) {
            requireState(state.get("Default"), where + " Default");
        }
    }

    private void validateWait(JsonNode state, String where) {
        int count = 0;
        for (String field : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
            count += state.has(field) ? 1 : 0;
        }
        if (count != 1) {
            throw new InvalidDefinitionException(
                    where + ": needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
        }
        if (state.has("Seconds") && !(state.get("Seconds").canConvertToLong() && state.get("Seconds").isIntegralNumber()
                && state.get("Seconds").asLong() >= 0)) {
            throw new InvalidDefinitionException(where + ": Seconds must be a non-negative integer");
        }
        if (state.has("Timestamp") && ChoiceRules.timestamp(state.get("Timestamp")).isEmpty()) {
            throw new InvalidDefinitionException(where + ": Timestamp must be an RFC 3339 timestamp");
        }
        optionalPath(state, "SecondsPath", where);
        optionalPath(state, "TimestampPath", where);
    }

    private void validateFail(JsonNode state, String where) {
        exclusive(state, where, "Error", "ErrorPath");
        exclusive(state, where, "Cause", "CausePath");
        for (String field : List.of("Error", "Cause")) {
            if (state.has(field)) {
                requireText(state, field, where);
            }
        }
        optionalPath(state, "ErrorPath", where);
        optionalPath(state, "CausePath", where);
    }

    /** The Retry entries of a state, validated, in order. */
    static List<Retrier> retriers(JsonNode state, String where) {
        List<Retrier> retriers = new ArrayList<>();
        JsonNode retry = state.path("Retry");
        if (retry.isMissingNode()) {
            return retriers;
        }
        if (!retry.isArray()) {
            throw new InvalidDefinitionException(where + ": Retry must be an array");
        }
        for (int i = 0; i < retry.size(); i++) {
            JsonNode entry = retry.get(i);
            String entryWhere = where + " Retry[" + i + "]";
            onlyFields(entry, RETRY_FIELDS, entryWhere);
            if (entry.has("JitterStrategy") && !"NONE".equals(entry.get("JitterStrategy").asText())) {
                throw new UnsupportedAslFeatureException(entryWhere,
                        "JitterStrategy '" + entry.get("JitterStrategy").asText() + "' (only NONE)");
            }
            double interval = positiveNumber(entry, "IntervalSeconds", 1, entryWhere);
            double rate = positiveNumber(entry, "BackoffRate", 2.0, entryWhere);
            if (rate < 1.0) {
                throw new InvalidDefinitionException(entryWhere + ": BackoffRate must be at least 1.0");
            }
            JsonNode maxAttempts = entry.path("MaxAttempts");
            if (!maxAttempts.isMissingNode() && !(maxAttempts.isIntegralNumber() && maxAttempts.asInt() >= 0)) {
                throw new InvalidDefinitionException(entryWhere + ": MaxAttempts must be a non-negative integer");
            }
            Optional<Double> maxDelay = entry.has("MaxDelaySeconds")
                    ? Optional.of(positiveNumber(entry, "MaxDelaySeconds", 0, entryWhere)) : Optional.empty();
            retriers.add(new Retrier(errorEquals(entry, entryWhere, i == retry.size() - 1), interval,
                    maxAttempts.isMissingNode() ? 3 : maxAttempts.asInt(), rate, maxDelay));
        }
        return retriers;
    }

    /** The Catch entries of a state, validated, in order. */
    List<Catcher> catchers(JsonNode state, String where) {
        List<Catcher> catchers = new ArrayList<>();
        JsonNode catches = state.path("Catch");
        if (catches.isMissingNode()) {
            return catchers;
        }
        if (!catches.isArray()) {
            throw new InvalidDefinitionException(where + ": Catch must be an array");
        }
        for (int i = 0; i < catches.size(); i++) {
            JsonNode entry = catches.get(i);
            String entryWhere = where + " Catch[" + i + "]";
            onlyFields(entry, CATCH_FIELDS, entryWhere);
            requireState(entry.get("Next"), entryWhere + " Next");
            Optional<String> resultPath = Optional.of("$");
            if (entry.has("ResultPath")) {
                if (entry.get("ResultPath").isNull()) {
                    resultPath = Optional.empty();
                } else {
                    resultPath = Optional.of(requireText(entry, "ResultPath", entryWhere));
                    JsonPaths.requireReferencePath(resultPath.get(), entryWhere + " ResultPath");
                }
            }
            catchers.add(new Catcher(errorEquals(entry, entryWhere, i == catches.size() - 1),
                    entry.get("Next").asText(), resultPath));
        }
        return catchers;
    }

    static List<Catcher> catchersOf(JsonNode states, JsonNode state, String where) {
        return new DefinitionValidator(states).catchers(state, where);
    }

    private static List<String> errorEquals(JsonNode entry, String where, boolean last) {
        JsonNode errors = entry.path("ErrorEquals");
        if (!errors.isArray() || errors.isEmpty()) {
            throw new InvalidDefinitionException(where + ": ErrorEquals must be a non-empty array of error names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode error : errors) {
            if (!error.isTextual() || error.asText().isBlank()) {
                throw new InvalidDefinitionException(where + ": ErrorEquals entries must be error names");
            }
            names.add(error.asText());
        }
        if (names.contains(StatesErrors.ALL) && (names.size() > 1 || !last)) {
            throw new InvalidDefinitionException(where + ": States.ALL must appear alone, in the last entry");
        }
        return List.copyOf(names);
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new InvalidDefinitionException(where + ": must be an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new UnsupportedAslFeatureException(where, "field '" + field + "'");
            }
        }
    }

    private static double positiveNumber(JsonNode node, String field, double fallback, String where) {
        if (!node.has(field)) {
            return fallback;
        }
        JsonNode value = node.get(field);
        if (!value.isNumber() || value.asDouble() < 0) {
            throw new InvalidDefinitionException(where + ": " + field + " must be a non-negative number");
        }
        return value.asDouble();
    }

    private static void exclusive(JsonNode state, String where, String first, String second) {
        if (state.has(first) && state.has(second)) {
            throw new InvalidDefinitionException(where + ": " + first + " and " + second + " exclude each other");
        }
    }

    private static void optionalPath(JsonNode state, String field, String where) {
        if (state.has(field) && !state.get(field).isNull()) {
            JsonPaths.requireValidPath(requireText(state, field, where), where + " " + field);
        }
    }

    private static String requireText(JsonNode node, String field, String where) {
        if (!node.path(field).isTextual()) {
            throw new InvalidDefinitionException(where + ": " + field + " must be a string");
        }
        return node.get(field).asText();
    }

    private static boolean isPositiveInt(JsonNode node) {
        return node.isIntegralNumber() && node.asLong() > 0;
    }
}
