package dev.rollgate.core.policy.parse;

import dev.rollgate.core.policy.PreflightSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code preflight:}: the Cordum topics to simulate, a candidate bundle and a workflow to dry-run. */
final class PreflightReader {
    private static final Set<String> KEYS = Set.of("topics", "bundle", "workflow", "allow_constraints");
    private static final Set<String> BUNDLE_KEYS = Set.of("id", "content");
    private static final Set<String> WORKFLOW_KEYS = Set.of("id", "environment", "input");

    private PreflightReader() {
    }

    static PreflightSpec read(Optional<PolicyNode> node) {
        if (node.isEmpty()) {
            return PreflightSpec.none();
        }
        return node.get().mapping(KEYS).map(f -> new PreflightSpec(
                f.get("topics").map(PreflightReader::topics).orElse(List.of()),
                f.get("bundle").flatMap(PreflightReader::bundle),
                f.get("workflow").flatMap(PreflightReader::workflow),
                f.get("allow_constraints").flatMap(PolicyNode::bool).orElse(false)))
                .orElse(PreflightSpec.none());
    }

    private static List<String> topics(PolicyNode node) {
        List<String> topics = new ArrayList<>();
        node.sequence().ifPresent(items -> items.forEach(item -> item.string().ifPresent(topic -> {
            // Cordum answers DENY "unsupported topic" for anything else: say so before a rollout starts.
            if (!topic.startsWith("job.")) {
                item.errors().add(item, "a Cordum topic must start with 'job.', got '" + topic + "'");
            } else {
                topics.add(topic);
            }
        })));
        return topics;
    }

    private static Optional<PreflightSpec.Bundle> bundle(PolicyNode node) {
        return node.mapping(BUNDLE_KEYS).flatMap(f -> f.require("id").flatMap(PolicyNode::string)
                .map(id -> new PreflightSpec.Bundle(id, f.get("content").flatMap(PolicyNode::string))));
    }

    private static Optional<PreflightSpec.Workflow> workflow(PolicyNode node) {
        return node.mapping(WORKFLOW_KEYS).flatMap(f -> {
            Optional<String> id = f.require("id").flatMap(PolicyNode::string);
            Optional<String> environment = f.get("environment").flatMap(PolicyNode::string);
            Map<String, Object> input = new LinkedHashMap<>();
            f.get("input").ifPresent(in -> {
                if (!in.isMapping()) {
                    in.errors().add(in, "the dry-run input must be a mapping, got " + in.describe());
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> plain = (Map<String, Object>) in.plainValue();
                    input.putAll(plain);
                }
            });
            return id.map(i -> new PreflightSpec.Workflow(i, environment, input));
        });
    }
}
