package dev.rollgate.aws.traffic;

import dev.rollgate.core.traffic.HookReportOutcome;
import dev.rollgate.core.traffic.HookStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeDeployHookReporterTest {
    private final RecordedHttpClient http = new RecordedHttpClient(new FakeCodeDeploy());
    private final CodeDeployHookReporter reporter = new CodeDeployHookReporter(FakeSdkClients.codeDeploy(http));

    @Test
    void reportsTheVerdictWithPutLifecycleEventHookExecutionStatus() {
        assertThat(reporter.report("d-1", "hook-1", HookStatus.FAILED)).isEqualTo(HookReportOutcome.REPORTED);

        RecordedHttpClient.Exchange call = http.exchanges().get(0);
        assertThat(call.operation()).isEqualTo("PutLifecycleEventHookExecutionStatus");
        assertThat(call.body()).contains("\"deploymentId\":\"d-1\"")
                .contains("\"lifecycleEventHookExecutionId\":\"hook-1\"").contains("\"status\":\"Failed\"");
    }

    @Test
    void aRepeatedReportFindsTheHookAlreadyCompleted() {
        reporter.report("d-1", "hook-1", HookStatus.SUCCEEDED);

        assertThat(reporter.report("d-1", "hook-1", HookStatus.SUCCEEDED))
                .isEqualTo(HookReportOutcome.ALREADY_COMPLETED);
    }
}
