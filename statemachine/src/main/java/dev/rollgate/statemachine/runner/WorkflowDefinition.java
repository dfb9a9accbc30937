package dev.rollgate.statemachine.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A state machine definition with its {@code ${Name}} substitutions applied, checked against the supported ASL
 * subset when it is created (see the module README), so no execution ever meets an unsupported feature half-way.
 */
public final class WorkflowDefinition {
    private final JsonNode root;
    private final Map<String, JsonNode> states = new LinkedHashMap<>();
    private final Map<String, List<Retrier>> retriers = new LinkedHashMap<>();
    private final Map<String, List<Catcher>> catchers = new LinkedHashMap<>();
    private final Map<String, TaskTarget> taskTargets = new LinkedHashMap<>();

    private WorkflowDefinition(JsonNode root) {
        this.root = root;
        JsonNode statesNode = root.get("States");
        for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode state = entry.getValue();
            states.put(name, state);
            if ("Task".equals(state.get("Type").asText())) {
                String where = "state '" + name + "'";
                retriers.put(name, DefinitionValidator.retriers(state, where));
                catchers.put(name, DefinitionValidator.catchersOf(statesNode, state, where));
                taskTargets.put(name, target(state));
            }
        }
    }

    /** Parses and checks a definition; {@code substitutions} are the DefinitionSubstitutions (name to value). */
    public static WorkflowDefinition parse(String definitionJson, Map<String, String> substitutions) {
        JsonNode parsed;
        try {
            parsed = Json.parse(definitionJson, "the state machine definition");
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException(e.getMessage(), e);
        }
        JsonNode root = DefinitionSubstitutions.apply(parsed, Map.copyOf(substitutions));
        DefinitionValidator.validateTopLevel(root);
        return new WorkflowDefinition(root);
    }

    public static WorkflowDefinition load(Path file, Map<String, String> substitutions) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), substitutions);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the definition " + file, e);
        }
    }

    private static TaskTarget target(JsonNode state) {
        String resource = state.get("Resource").asText();
        boolean waits = resource.endsWith(TaskTarget.WAIT_FOR_TASK_TOKEN);
        String base = waits ? resource.substring(0, resource.length() - TaskTarget.WAIT_FOR_TASK_TOKEN.length())
                : resource;
        if (base.equals(TaskTarget.LAMBDA_INVOKE)) {
            return new TaskTarget(resource, state.get("Parameters").get("FunctionName").asText(), true, waits);
        }
        return new TaskTarget(resource, resource, false, waits);
    }

    /** The definition after substitution, as JSON text. */
    public String json() {
        return Json.write(root);
    }

    public String startAt() {
        return root.get("StartAt").asText();
    }

    public Optional<Long> timeoutSeconds() {
        return root.has("TimeoutSeconds") ? Optional.of(root.get("TimeoutSeconds").asLong()) : Optional.empty();
    }

    /** Registry keys a runner needs handlers for, by Task state name. */
    public Map<String, String> handlerKeysByTaskState() {
        Map<String, String> keys = new LinkedHashMap<>();
        taskTargets.forEach((state, target) -> keys.put(state, target.handlerKey()));
        return keys;
    }

    JsonNode state(String name) {
        return states.get(name);
    }

    List<Retrier> retriers(String state) {
        return retriers.getOrDefault(state, List.of());
    }

    List<Catcher> catchers(String state) {
        return catchers.getOrDefault(state, List.of());
    }

    TaskTarget taskTarget(String state) {
        return taskTargets.get(state);
    }
}
