package dev.rollgate.core.preflight;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one preflight call.
 *
 * @param kind    which call
 * @param target  what was checked: a topic, {@code bundle/topic}, or a workflow id
 * @param status  how it came out
 * @param reasons why, one line per finding (e.g. per denied step); never request payloads or credentials
 */
public record CheckResult(CheckKind kind, String target, CheckStatus status, List<String> reasons) {
    public CheckResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
    }
}
