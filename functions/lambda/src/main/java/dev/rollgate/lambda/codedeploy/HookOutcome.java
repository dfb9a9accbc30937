package dev.rollgate.lambda.codedeploy;

import dev.rollgate.core.traffic.HookReportOutcome;
import dev.rollgate.core.traffic.HookStatus;

import java.util.Optional;

/**
 * What a hook invocation did: the status reported to CodeDeploy and whether CodeDeploy took it.
 * @param failure why the verdict could not be reached (the hook then failed closed)
 */
public record HookOutcome(HookStatus status, HookReportOutcome report, Optional<String> failure) {
}
