package dev.rollgate.aws.stepfunctions;

import dev.rollgate.aws.testing.AwsEmulatorExtension;
import dev.rollgate.aws.testing.AwsEndpoint;
import dev.rollgate.core.state.StateFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.DeleteStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting executions by name, idempotently, and task callbacks, against an emulated Step Functions. */
@ExtendWith(AwsEmulatorExtension.class)
class StepFunctionsAdaptersIT {
    /** Waits long enough that every execution is still running while the test looks at it. */
    private static final String DEFINITION = """
            {"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":3600,"End":true}}}""";
    private static SfnClient sfn;
    private static String stateMachineArn;

    @BeforeAll
    static void createStateMachine(AwsEndpoint aws) {
        sfn = aws.configure(SfnClient.builder()).build();
        stateMachineArn = sfn.createStateMachine(CreateStateMachineRequest.builder()
                .name(StateFixture.unique("it-rollout")).definition(DEFINITION)
                .roleArn("arn:aws:iam::123456789012:role/rollgate-it").build()).stateMachineArn();
    }

    @AfterAll
    static void deleteStateMachine() {
        if (sfn != null) {
            sfn.deleteStateMachine(DeleteStateMachineRequest.builder().stateMachineArn(stateMachineArn).build());
            sfn.close();
        }
    }

    @Test
    void startsAnExecutionNamedAsAskedWithTheRolloutIdAsInput() {
        var executions = new StepFunctionsWorkflowExecutions(sfn, stateMachineArn);

        String arn = executions.start("r-named-1", "r-named-1");

        var described = sfn.describeExecution(DescribeExecutionRequest.builder().executionArn(arn).build());
        assertThat(described.name()).isEqualTo("r-named-1");
        assertThat(described.input()).isEqualTo("{\"rolloutId\":\"r-named-1\"}");
    }

    @Test
    void startingTheSameNameAgainReturnsTheFirstExecution() {
        var executions = new StepFunctionsWorkflowExecutions(sfn, stateMachineArn);
        String first = executions.start("r-twice", "r-twice");

        String second = executions.start("r-twice", "r-twice");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void derivesTheExecutionArnFromTheStateMachineArn() {
        var executions = new StepFunctionsWorkflowExecutions(sfn, stateMachineArn);
        String started = sfn.startExecution(StartExecutionRequest.builder().stateMachineArn(stateMachineArn)
                .name("r-derived").input("{}").build()).executionArn();

        assertThat(executions.executionArnOf("r-derived")).isEqualTo(started);
    }

    @Test
    void refusesNamesStepFunctionsWouldReject() {
        var executions = new StepFunctionsWorkflowExecutions(sfn, stateMachineArn);

        assertThatThrownBy(() -> executions.start("has space", "r-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("execution name");
    }

    @Test
    void completingATaskThatIsNoLongerWaitingIsNotAnError() {
        var callbacks = new StepFunctionsTaskCallbacks(sfn);

        assertThatCode(() -> callbacks.succeed("AAAAKgAAAAIAAAAAAAAAAQ-unknown-token", "{\"approved\":true}"))
                .doesNotThrowAnyException();
    }
}
