package dev.rollgate.aws.template;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class CloudFormationYamlTest {
    @Test
    void shortFormIntrinsicsBecomeTheirLongForm() throws Exception {
        JsonNode node = CloudFormationYaml.read(new StringReader("""
                A: !Ref RolloutsTable
                B: !GetAtt RolloutsTable.Arn
                C: !Sub "${AWS::StackName}-x"
                D: !Join [",", [a, !Ref B]]
                E: plain
                F: 3
                G: true
                """));

        assertThat(node.get("A").toString()).isEqualTo("{\"Ref\":\"RolloutsTable\"}");
        assertThat(node.get("B").toString()).isEqualTo("{\"Fn::GetAtt\":\"RolloutsTable.Arn\"}");
        assertThat(node.get("C").toString()).isEqualTo("{\"Fn::Sub\":\"${AWS::StackName}-x\"}");
        assertThat(node.get("D").toString()).isEqualTo("{\"Fn::Join\":[\",\",[\"a\",{\"Ref\":\"B\"}]]}");
        assertThat(node.get("E").asText()).isEqualTo("plain");
        assertThat(node.get("F").asInt()).isEqualTo(3);
        assertThat(node.get("G").asBoolean()).isTrue();
    }
}
