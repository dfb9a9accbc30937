package dev.rollgate.core.judge;

/**
 * One promotion-gate condition of the stage.
 *
 * @param gate   gate name: min_duration, judge_score, stable_latency, max_policy_deny_rate, no_critical_incident
 * @param met    whether it holds now
 * @param detail why
 */
public record GateCheck(String gate, boolean met, String detail) {
}
