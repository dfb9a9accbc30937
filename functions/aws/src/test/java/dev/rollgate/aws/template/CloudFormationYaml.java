package dev.rollgate.aws.template;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads a CloudFormation/SAM template. Plain YAML readers choke on or silently drop the short-form intrinsic
 * tags ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub ...}); this one turns each into its long form
 * ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": "A.B"}}, {@code {"Fn::Sub": ...}}) so tests can compare them.
 */
public final class CloudFormationYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationYaml() {
    }

    public static JsonNode read(Reader yaml) throws IOException {
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("template is empty");
            }
            return value(parser);
        }
    }

    private static JsonNode value(YAMLParser parser) throws IOException {
        // The tag of the current node without its "!" ("Ref" for "!Ref"), or null; standard YAML tags
        // ("!!str" = "tag:yaml.org,2002:str") are not intrinsic functions.
        String function = parser.getTypeId();
        JsonNode node = untagged(parser);
        if (function == null || function.startsWith("tag:yaml.org,2002:")) {
            return node;
        }
        ObjectNode wrapped = NODES.objectNode();
        wrapped.set(function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function, node);
        return wrapped;
    }

    private static JsonNode untagged(YAMLParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String field = parser.currentName();
                    parser.nextToken();
                    object.set(field, value(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(parser.getBooleanValue());
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected YAML token " + token + " at "
                    + parser.currentLocation());
        }
    }
}
