package dev.rollgate.core.policy.parse;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts a free-form YAML subtree (a dry-run input document) into plain maps, lists and scalars. */
final class PlainYaml {
    private PlainYaml() {
    }

    static Object toPlain(Node node) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                out.put(String.valueOf(toPlain(t.getKeyNode())), toPlain(t.getValueNode()));
            }
            return out;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> out = new ArrayList<>();
            sequence.getValue().forEach(item -> out.add(toPlain(item)));
            return out;
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        String v = scalar.getValue();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT));
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            try {
                return new BigDecimal(v.replace("_", ""));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return v;
    }
}
