package dev.rollgate.lambda.runtime;

import dev.rollgate.core.workflow.WorkflowStep;

import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link WorkflowStep} as the state machine reads it ({@code $.step.next}, {@code $.step.weight}, ...). */
public final class StepJson {
    private StepJson() {
    }

    public static Map<String, Object> of(WorkflowStep step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rolloutId", step.rolloutId());
        json.put("next", step.next().name());
        json.put("status", step.status().name());
        json.put("stageIndex", step.stageIndex());
        json.put("weight", step.weight());
        json.put("waitSeconds", step.waitSeconds());
        json.put("approvalTimeoutSeconds", step.approvalTimeoutSeconds());
        return json;
    }
}
