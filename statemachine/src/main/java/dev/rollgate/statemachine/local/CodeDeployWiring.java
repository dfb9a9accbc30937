package dev.rollgate.statemachine.local;

import dev.rollgate.core.traffic.DeploymentGuard;
import dev.rollgate.core.traffic.LifecycleHookReporter;
import dev.rollgate.core.traffic.TrafficDriver;

import java.util.Objects;
import java.util.function.Function;

/**
 * How {@link LocalRollgate} serves policies with {@code driver: codedeploy}: the driver and hook reporter to put in
 * front of the local CodeDeploy stand-ins (normally the real AWS adapters over SDK clients bound to the
 * stand-ins), and the deployment guard the driver records its deployments in and the hooks map them back with.
 */
public record CodeDeployWiring(Function<LocalCodeDeploys, TrafficDriver> driver,
                               Function<LocalCodeDeploys, LifecycleHookReporter> reporter, DeploymentGuard guard) {
    public static final String APPLICATION = "rollgate-local";
    public static final String DEPLOYMENT_GROUP = "agents";
    public static final String BEFORE_ALLOW_TRAFFIC_HOOK = "CodeDeployHook_local-BeforeAllowTraffic";
    public static final String AFTER_ALLOW_TRAFFIC_HOOK = "CodeDeployHook_local-AfterAllowTraffic";

    public CodeDeployWiring {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(guard, "guard");
    }
}
