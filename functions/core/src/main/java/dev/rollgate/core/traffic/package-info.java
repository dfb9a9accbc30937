/**
 * Traffic drivers: the port that moves user traffic between an agent's baseline and candidate versions
 * ({@link dev.rollgate.core.traffic.TrafficDriver}), the guard that keeps CodeDeploy deployments single
 * ({@link dev.rollgate.core.traffic.DeploymentGuard}) and the lifecycle hook reporter. Adapters live in
 * {@code dev.rollgate.aws.traffic}; local stand-ins in {@code dev.rollgate.statemachine.local}.
 */
package dev.rollgate.core.traffic;
