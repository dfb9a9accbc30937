/**
 * Traffic adapters: {@link dev.rollgate.aws.traffic.AliasTrafficDriver} (Lambda UpdateAlias routing),
 * {@link dev.rollgate.aws.traffic.CodeDeployTrafficDriver} (one TimeBasedCanary deployment per rollout),
 * {@link dev.rollgate.aws.traffic.DynamoDbDeploymentGuard} (conditional claim on the idempotency table) and
 * {@link dev.rollgate.aws.traffic.CodeDeployHookReporter} (PutLifecycleEventHookExecutionStatus).
 */
package dev.rollgate.aws.traffic;
