package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Task handlers answering from the same canned-responses file infra/asl/run-local.mjs reads: per resource, a list
 * of {"output": ...} or {"error": ..., "cause": ...} used in order. Every call is logged as {resource, input} so the
 * calls of two interpreters can be compared; running out of responses fails loudly.
 */
final class CannedTaskHandlers {
    private final Map<String, Deque<JsonNode>> remaining = new LinkedHashMap<>();
    private final ArrayNode calls = Json.NODES.arrayNode();

    CannedTaskHandlers(JsonNode canned) {
        for (Iterator<Map.Entry<String, JsonNode>> it = canned.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Deque<JsonNode> responses = new ArrayDeque<>();
            entry.getValue().forEach(responses::add);
            remaining.put(entry.getKey(), responses);
        }
    }

    TaskHandlers bindAll() {
        TaskHandlers.Builder builder = TaskHandlers.builder();
        remaining.keySet().forEach(resource -> builder.bind(resource, input -> answer(resource, input)));
        return builder.build();
    }

    private synchronized JsonNode answer(String resource, JsonNode input) {
        ObjectNode call = calls.addObject();
        call.put("resource", resource);
        call.set("input", input);
        JsonNode next = remaining.get(resource).poll();
        if (next == null) {
            throw new AssertionError("no canned response left for " + resource);
        }
        if (next.has("error")) {
            throw new TaskFailure(next.get("error").asText(), next.path("cause").asText(""));
        }
        return next.get("output");
    }

    synchronized ArrayNode calls() {
        return calls.deepCopy();
    }
}
