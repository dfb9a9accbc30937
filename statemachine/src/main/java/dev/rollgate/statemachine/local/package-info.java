/**
 * In-memory stand-ins for the AWS traffic platform, used by the local workflow runner and the sandbox:
 * {@link dev.rollgate.statemachine.local.LocalAgentAlias} (the {@code alias} driver) and
 * {@link dev.rollgate.statemachine.local.LocalCodeDeploy} (the {@code codedeploy} driver and hook reporter),
 * both on a {@link java.time.Clock} that is normally a {@link dev.rollgate.statemachine.local.VirtualClock}.
 */
package dev.rollgate.statemachine.local;
