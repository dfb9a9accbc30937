package dev.rollgate.core.traffic;

/**
 * Reports a CodeDeploy lifecycle hook's verdict (BeforeAllowTraffic, AfterAllowTraffic). CodeDeploy waits at
 * most one hour for it; without a report the deployment fails.
 */
public interface LifecycleHookReporter {

    HookReportOutcome report(String deploymentId, String lifecycleEventHookExecutionId, HookStatus status);
}
