package dev.rollgate.core.policy;

import java.util.Objects;

/**
 * One metric the judge compares between canary and baseline.
 *
 * @param name           metric name (a built-in such as {@code error_rate} or a declared custom family)
 * @param direction      which way is worse
 * @param critical       a failing critical metric makes the score 0
 * @param weight         relative weight inside its group (> 0)
 * @param group          metric group name; groups are weighted by {@link RolloutPolicy#groupWeights()}
 * @param allowedEffect  relative shift tolerated before the metric fails (0.25 = 25 % of the baseline median)
 */
public record MetricSpec(String name, Direction direction, boolean critical, double weight, String group,
                         double allowedEffect) {
    public MetricSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(group, "group");
    }
}
