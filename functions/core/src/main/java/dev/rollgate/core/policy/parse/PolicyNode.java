package dev.rollgate.core.policy.parse;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML node with the field path and line that errors must name. Every typed read reports a wrong type as an
 * error and returns empty, so callers never fall back to a default for a value that was given but wrong.
 */
final class PolicyNode {
    private final Node node;
    private final String path;
    private final PolicyErrors errors;

    PolicyNode(Node node, String path, PolicyErrors errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** The same node reporting into another collector (used to re-read a block without duplicate errors). */
    PolicyNode withErrors(PolicyErrors other) {
        return new PolicyNode(node, path, other);
    }

    String path() {
        return path;
    }

    int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    PolicyErrors errors() {
        return errors;
    }

    boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    /**
     * The entries of a mapping, in source order, after reporting unknown and duplicate keys. Returns empty (after
     * reporting) when this node is not a mapping.
     */
    Optional<Fields> mapping(Set<String> allowedKeys) {
        if (!(node instanceof MappingNode mapping)) {
            errors.add(this, "expected a mapping (key: value lines), got " + describe());
            return Optional.empty();
        }
        Map<String, PolicyNode> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                errors.add(path, line(keyNode), "keys must be plain names");
                continue;
            }
            String key = scalarKey.getValue();
            PolicyNode value = new PolicyNode(tuple.getValueNode(), child(key), errors);
            if (!allowedKeys.contains(key)) {
                errors.add(child(key), line(keyNode), "unknown key '" + key + "'; allowed here: "
                        + String.join(", ", allowedKeys.stream().sorted().toList()));
            } else if (fields.containsKey(key)) {
                errors.add(child(key), line(keyNode), "duplicate key '" + key + "'");
            } else {
                fields.put(key, value);
            }
        }
        return Optional.of(new Fields(this, fields));
    }

    /** A child of a mapping by key, without reporting anything; for rules that point at an already-read field. */
    Optional<PolicyNode> field(String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(new PolicyNode(tuple.getValueNode(), child(key), errors));
                }
            }
        }
        return Optional.empty();
    }

    /** The items of a sequence, each with its indexed path; empty (after reporting) if this is no sequence. */
    Optional<List<PolicyNode>> sequence() {
        if (!(node instanceof SequenceNode sequence)) {
            errors.add(this, "expected a list, got " + describe());
            return Optional.empty();
        }
        List<PolicyNode> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(new PolicyNode(sequence.getValue().get(i), path + "[" + i + "]", errors));
        }
        return Optional.of(items);
    }

    Optional<String> string() {
        if (node instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
            if (scalar.getValue().isBlank()) {
                errors.add(this, "must not be empty");
                return Optional.empty();
            }
            return Optional.of(scalar.getValue());
        }
        errors.add(this, "expected a text value, got " + describe());
        return Optional.empty();
    }

    Optional<Boolean> bool() {
        if (node instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
            return Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        errors.add(this, "expected true or false, got " + describe());
        return Optional.empty();
    }

    Optional<Long> integer() {
        if (node instanceof ScalarNode scalar && Tag.INT.equals(scalar.getTag())) {
            try {
                return Optional.of(Long.parseLong(scalar.getValue().replace("_", "")));
            } catch (NumberFormatException e) {
                errors.add(this, "integer out of range: " + scalar.getValue());
                return Optional.empty();
            }
        }
        errors.add(this, "expected a whole number, got " + describe());
        return Optional.empty();
    }

    /** A whole number within bounds, inclusive. */
    Optional<Integer> integer(long min, long max) {
        return integer().flatMap(v -> {
            if (v < min || v > max) {
                errors.add(this, "must be between " + min + " and " + max + ", got " + v);
                return Optional.empty();
            }
            return Optional.of(v.intValue());
        });
    }

    Optional<Double> number() {
        if (node instanceof ScalarNode scalar
                && (Tag.INT.equals(scalar.getTag()) || Tag.FLOAT.equals(scalar.getTag()))) {
            try {
                double value = new BigDecimal(scalar.getValue().replace("_", "")).doubleValue();
                if (Double.isFinite(value)) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // .inf and .nan land here: they are never meaningful thresholds.
            }
            errors.add(this, "expected a finite number, got " + scalar.getValue());
            return Optional.empty();
        }
        errors.add(this, "expected a number, got " + describe());
        return Optional.empty();
    }

    /** A number within bounds; {@code minExclusive} rejects the lower bound itself. */
    Optional<Double> number(double min, boolean minExclusive, double max) {
        return number().flatMap(v -> {
            boolean low = minExclusive ? v <= min : v < min;
            if (low || v > max) {
                errors.add(this, "must be " + (minExclusive ? "greater than " : "at least ") + fmt(min)
                        + " and at most " + fmt(max) + ", got " + fmt(v));
                return Optional.empty();
            }
            return Optional.of(v);
        });
    }

    /**
     * A duration written as {@code 20m}, {@code 1h30m}, {@code 45s}, {@code 2d}, or a whole number of seconds
     * (Argo accepts both).
     */
    Optional<Duration> duration() {
        if (node instanceof ScalarNode scalar && Tag.INT.equals(scalar.getTag())) {
            return integer().flatMap(this::nonNegativeSeconds);
        }
        if (node instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
            Optional<Duration> parsed = DurationText.parse(scalar.getValue());
            if (parsed.isEmpty()) {
                errors.add(this, "cannot read duration '" + scalar.getValue()
                        + "'; write it like 30s, 20m, 1h30m or 2d");
            }
            return parsed;
        }
        errors.add(this, "expected a duration such as 20m, got " + describe());
        return Optional.empty();
    }

    /** Hours given as a number (the {@code *_hours} keys of the rollout_gates block). */
    Optional<Duration> hours() {
        return number(0, true, 24 * 365).map(h -> Duration.ofMillis(Math.round(h * 3_600_000)));
    }

    Object plainValue() {
        return PlainYaml.toPlain(node);
    }

    String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        String kind = Tag.NULL.equals(tag) ? "nothing" : Tag.BOOL.equals(tag) ? "a true/false value"
                : Tag.INT.equals(tag) ? "a whole number" : Tag.FLOAT.equals(tag) ? "a number" : "text";
        return Tag.NULL.equals(tag) ? kind : kind + " '" + abbreviate(scalar.getValue()) + "'";
    }

    private Optional<Duration> nonNegativeSeconds(long seconds) {
        if (seconds < 0) {
            errors.add(this, "a duration cannot be negative, got " + seconds);
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(seconds));
    }

    private String child(String key) {
        return "$".equals(path) ? key : path + "." + key;
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static String fmt(double v) {
        return dev.rollgate.core.policy.PolicyFormat.number(v);
    }

    /** The known entries of a mapping, looked up by key. */
    static final class Fields {
        private final PolicyNode owner;
        private final Map<String, PolicyNode> byKey;

        Fields(PolicyNode owner, Map<String, PolicyNode> byKey) {
            this.owner = owner;
            this.byKey = byKey;
        }

        Optional<PolicyNode> get(String key) {
            return Optional.ofNullable(byKey.get(key));
        }

        boolean has(String key) {
            return byKey.containsKey(key);
        }

        /** A required entry: reports it missing and returns empty when absent. */
        Optional<PolicyNode> require(String key) {
            PolicyNode value = byKey.get(key);
            if (value == null) {
                owner.errors().add(owner, "missing required key '" + key + "'");
            }
            return Optional.ofNullable(value);
        }

        PolicyNode owner() {
            return owner;
        }
    }
}
