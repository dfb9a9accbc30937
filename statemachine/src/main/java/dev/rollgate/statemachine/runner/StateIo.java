package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Input and output processing for one attempt of one state, in the ASL order: InputPath, Parameters (effective
 * input), then ResultSelector, ResultPath (against the raw state input) and OutputPath.
 */
final class StateIo {
    private final JsonNode state;
    private final JsonNode rawInput;
    private final JsonNode context;
    private final IdSource ids;
    private final String where;

    StateIo(JsonNode state, JsonNode rawInput, JsonNode context, IdSource ids, String where) {
        this.state = state;
        this.rawInput = rawInput;
        this.context = context;
        this.ids = ids;
        this.where = where;
    }

    JsonNode context() {
        return context;
    }

    /** The raw input after InputPath ({@code null} gives an empty object). */
    JsonNode inputPath() {
        return select("InputPath", rawInput);
    }

    /** InputPath, then Parameters. */
    JsonNode effectiveInput() {
        JsonNode effective = inputPath();
        if (state.has("Parameters")) {
            effective = PayloadTemplates.apply(state.get("Parameters"), effective, context, ids,
                    where + " Parameters");
        }
        return effective;
    }

    JsonNode outputPath(JsonNode value) {
        return select("OutputPath", value);
    }

    /** The state output for a result: ResultSelector, ResultPath (null keeps the raw input), OutputPath. */
    JsonNode output(JsonNode result) {
        JsonNode selected = result;
        if (state.has("ResultSelector")) {
            selected = PayloadTemplates.apply(state.get("ResultSelector"), result, context, ids,
                    where + " ResultSelector");
        }
        JsonNode combined;
        if (!state.has("ResultPath")) {
            combined = selected;
        } else if (state.get("ResultPath").isNull()) {
            combined = rawInput;
        } else {
            combined = JsonPaths.placeResult(state.get("ResultPath").asText(), rawInput, selected, where);
        }
        return outputPath(combined);
    }

    private JsonNode select(String field, JsonNode value) {
        if (!state.has(field)) {
            return value;
        }
        if (state.get(field).isNull()) {
            return Json.object();
        }
        return JsonPaths.read(state.get(field).asText(), value, context, where + " " + field);
    }
}
