package dev.rollgate.aws.stepfunctions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.core.workflow.WorkflowExecutions;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Starts rollout executions of the rollgate state machine, named by the caller. Execution names are unique per
 * state machine (for 90 days after an execution closes), so starting a name again finds the first execution
 * instead of starting a second: its ARN is derived from the state machine's and confirmed with DescribeExecution.
 */
public final class StepFunctionsWorkflowExecutions implements WorkflowExecutions {
    /** Step Functions' own limits on execution names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SfnClient sfn;
    private final String stateMachineArn;

    public StepFunctionsWorkflowExecutions(SfnClient sfn, String stateMachineArn) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
        if (stateMachineArn == null || !stateMachineArn.contains(":stateMachine:")) {
            throw new IllegalArgumentException("not a state machine ARN: '" + stateMachineArn + "'");
        }
        this.stateMachineArn = stateMachineArn;
    }

    @Override
    public String start(String name, String rolloutId) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("execution name must be 1-80 letters, digits, '-' or '_': '"
                    + name + "'");
        }
        String input;
        try {
            input = JSON.writeValueAsString(Map.of("rolloutId", rolloutId));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of one string always serialises", e);
        }
        try {
            return sfn.startExecution(StartExecutionRequest.builder().stateMachineArn(stateMachineArn).name(name)
                    .input(input).build()).executionArn();
        } catch (ExecutionAlreadyExistsException existing) {
            String arn = executionArnOf(name);
            // Fails with ExecutionDoesNotExist if the name clash is anything but our own earlier start.
            return sfn.describeExecution(DescribeExecutionRequest.builder().executionArn(arn).build())
                    .executionArn();
        }
    }

    /** arn:aws:states:REGION:ACCOUNT:stateMachine:NAME -> arn:aws:states:REGION:ACCOUNT:execution:NAME:EXECUTION */
    String executionArnOf(String executionName) {
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + executionName;
    }
}
