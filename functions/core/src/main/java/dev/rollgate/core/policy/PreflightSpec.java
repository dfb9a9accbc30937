package dev.rollgate.core.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Cordum checks run before any traffic moves.
 *
 * @param topics           job topics to simulate (each must start with {@code job.})
 * @param bundle           a candidate policy bundle to simulate against, by id and optional inline content
 * @param workflow         a workflow to dry-run
 * @param allowConstraints whether ALLOW_WITH_CONSTRAINTS counts as a pass
 */
public record PreflightSpec(List<String> topics, Optional<Bundle> bundle, Optional<Workflow> workflow,
                            boolean allowConstraints) {
    public PreflightSpec {
        topics = List.copyOf(topics);
    }

    public static PreflightSpec none() {
        return new PreflightSpec(List.of(), Optional.empty(), Optional.empty(), false);
    }

    public boolean isEmpty() {
        return topics.isEmpty() && bundle.isEmpty() && workflow.isEmpty();
    }

    /** A candidate policy bundle; {@code content} replaces the stored bundle when present. */
    public record Bundle(String id, Optional<String> content) {
    }

    /** A workflow dry-run: id, environment name and input document. */
    public record Workflow(String id, Optional<String> environment, Map<String, Object> input) {
        public Workflow {
            // Not Map.copyOf: a dry-run input document may legitimately contain nulls.
            input = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(input));
        }
    }
}
