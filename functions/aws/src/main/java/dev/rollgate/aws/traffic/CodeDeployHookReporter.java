package dev.rollgate.aws.traffic;

import dev.rollgate.core.traffic.HookReportOutcome;
import dev.rollgate.core.traffic.HookStatus;
import dev.rollgate.core.traffic.LifecycleHookReporter;
import dev.rollgate.core.traffic.TrafficDriverFailureException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;

import java.util.Objects;

/** Reports a hook verdict with PutLifecycleEventHookExecutionStatus; a repeated report is not an error. */
public final class CodeDeployHookReporter implements LifecycleHookReporter {
    private final CodeDeployClient codeDeploy;

    public CodeDeployHookReporter(CodeDeployClient codeDeploy) {
        this.codeDeploy = Objects.requireNonNull(codeDeploy, "codeDeploy");
    }

    @Override
    public HookReportOutcome report(String deploymentId, String lifecycleEventHookExecutionId, HookStatus status) {
        LifecycleEventStatus wire = status == HookStatus.SUCCEEDED
                ? LifecycleEventStatus.SUCCEEDED : LifecycleEventStatus.FAILED;
        try {
            codeDeploy.putLifecycleEventHookExecutionStatus(r -> r.deploymentId(deploymentId)
                    .lifecycleEventHookExecutionId(lifecycleEventHookExecutionId).status(wire));
            return HookReportOutcome.REPORTED;
        } catch (LifecycleEventAlreadyCompletedException e) {
            return HookReportOutcome.ALREADY_COMPLETED;
        } catch (SdkException e) {
            throw new TrafficDriverFailureException("reporting the lifecycle hook of deployment " + deploymentId
                    + " failed", e);
        }
    }
}
