package dev.rollgate.core.policy.parse;

import dev.rollgate.core.policy.CustomMetricSpec;
import dev.rollgate.core.policy.Direction;
import dev.rollgate.core.policy.MetricSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code metrics:}, {@code metric_groups:} and {@code custom_metrics:}. A policy that lists no metrics is
 * judged on the built-in set; custom metrics are always judged.
 */
final class MetricsReader {
    private static final Set<String> METRIC_KEYS = Set.of("name", "direction", "critical", "weight", "group",
            "allowed_effect");
    private static final Set<String> CUSTOM_KEYS = Set.of("name", "kind", "direction", "critical", "weight",
            "group", "allowed_effect", "rollback_above", "rollback_below");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    record Result(List<MetricSpec> metrics, Map<String, Double> groupWeights, List<CustomMetricSpec> custom) {
    }

    private MetricsReader() {
    }

    static Result read(PolicyNode.Fields root) {
        List<MetricSpec> metrics = new ArrayList<>();
        List<CustomMetricSpec> custom = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        root.get("custom_metrics").flatMap(PolicyNode::sequence).ifPresent(items -> items.forEach(item ->
                item.mapping(CUSTOM_KEYS).ifPresent(f -> readCustom(f, seen, metrics, custom))));
        Set<String> customNames = new HashSet<>(seen);
        Optional<PolicyNode> listed = root.get("metrics");
        if (listed.isEmpty()) {
            metrics.addAll(0, BuiltInMetrics.defaults());
        } else {
            List<MetricSpec> builtIns = new ArrayList<>();
            listed.get().sequence().ifPresent(items -> items.forEach(item -> item.mapping(METRIC_KEYS)
                    .ifPresent(f -> readBuiltIn(f, seen, customNames).ifPresent(builtIns::add))));
            if (builtIns.isEmpty() && listed.get().sequence().map(List::isEmpty).orElse(false)) {
                listed.get().errors().add(listed.get(), "the metrics list is empty; omit it to judge the built-in set");
            }
            metrics.addAll(0, builtIns);
        }
        Map<String, Double> groups = readGroups(root, metrics);
        return new Result(metrics, groups, custom);
    }

    private static Optional<MetricSpec> readBuiltIn(PolicyNode.Fields f, Set<String> seen, Set<String> customNames) {
        Optional<String> name = f.require("name").flatMap(PolicyNode::string);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        PolicyNode nameNode = f.get("name").orElseThrow();
        if (customNames.contains(name.get())) {
            nameNode.errors().add(nameNode, "'" + name.get() + "' is a custom metric; set its options under "
                    + "custom_metrics");
            return Optional.empty();
        }
        if (!BuiltInMetrics.NAMES.contains(name.get())) {
            nameNode.errors().add(nameNode, "unknown metric '" + name.get() + "'; built-in metrics are "
                    + String.join(", ", BuiltInMetrics.NAMES.stream().sorted().toList())
                    + " (declare others under custom_metrics)");
            return Optional.empty();
        }
        if (!seen.add(name.get())) {
            nameNode.errors().add(nameNode, "metric '" + name.get() + "' is listed twice");
            return Optional.empty();
        }
        MetricSpec defaults = BuiltInMetrics.defaults().stream().filter(m -> m.name().equals(name.get()))
                .findFirst().orElseThrow();
        return Optional.of(spec(f, name.get(), defaults.direction(), defaults.critical(), defaults.group()));
    }

    private static void readCustom(PolicyNode.Fields f, Set<String> seen, List<MetricSpec> metrics,
                                   List<CustomMetricSpec> custom) {
        Optional<String> name = f.require("name").flatMap(PolicyNode::string);
        Optional<CustomMetricSpec.Kind> kind = f.require("kind")
                .flatMap(n -> ExplicitStagesReader.enumValue(n, CustomMetricSpec.Kind.class));
        Optional<Direction> direction = f.require("direction")
                .flatMap(n -> ExplicitStagesReader.enumValue(n, Direction.class));
        Optional<Double> above = f.get("rollback_above").flatMap(PolicyNode::number);
        Optional<Double> below = f.get("rollback_below").flatMap(PolicyNode::number);
        if (name.isEmpty() || kind.isEmpty() || direction.isEmpty()) {
            return;
        }
        PolicyNode nameNode = f.get("name").orElseThrow();
        if (!NAME.matcher(name.get()).matches()) {
            nameNode.errors().add(nameNode, "custom metric names are lower_snake_case (a-z, 0-9, _), got '"
                    + name.get() + "'");
            return;
        }
        if (BuiltInMetrics.NAMES.contains(name.get())) {
            nameNode.errors().add(nameNode, "'" + name.get() + "' is a built-in metric; pick another name");
            return;
        }
        if (!seen.add(name.get())) {
            nameNode.errors().add(nameNode, "custom metric '" + name.get() + "' is declared twice");
            return;
        }
        if (kind.get() == CustomMetricSpec.Kind.COUNT) {
            checkRate(f, "rollback_above", above);
            checkRate(f, "rollback_below", below);
        }
        metrics.add(spec(f, name.get(), direction.get(), false, "quality"));
        custom.add(new CustomMetricSpec(name.get(), kind.get(), above, below));
    }

    private static void checkRate(PolicyNode.Fields f, String key, Optional<Double> value) {
        if (value.isPresent() && (value.get() < 0 || value.get() > 1)) {
            PolicyNode at = f.get(key).orElseThrow();
            at.errors().add(at, "a count metric's rate threshold must be between 0 and 1, got "
                    + dev.rollgate.core.policy.PolicyFormat.number(value.get()));
        }
    }

    private static MetricSpec spec(PolicyNode.Fields f, String name, Direction defaultDirection,
                                   boolean defaultCritical, String defaultGroup) {
        Direction direction = f.get("direction").flatMap(n -> ExplicitStagesReader.enumValue(n, Direction.class))
                .orElse(defaultDirection);
        boolean critical = f.get("critical").flatMap(PolicyNode::bool).orElse(defaultCritical);
        double weight = f.get("weight").flatMap(n -> n.number(0, true, 1000)).orElse(1.0);
        String group = f.get("group").flatMap(PolicyNode::string).orElse(defaultGroup);
        double effect = f.get("allowed_effect").flatMap(n -> n.number(0, false, 10))
                .orElse(BuiltInMetrics.DEFAULT_ALLOWED_EFFECT);
        return new MetricSpec(name, direction, critical, weight, group, effect);
    }

    private static Map<String, Double> readGroups(PolicyNode.Fields root, List<MetricSpec> metrics) {
        Map<String, Double> weights = new LinkedHashMap<>();
        metrics.forEach(m -> weights.putIfAbsent(m.group(), 1.0));
        root.get("metric_groups").ifPresent(node -> {
            Set<String> known = Set.copyOf(weights.keySet());
            node.mapping(known).ifPresent(f -> known.forEach(group -> f.get(group)
                    .flatMap(n -> n.number(0, true, 1000)).ifPresent(w -> weights.put(group, w))));
        });
        return weights;
    }
}
