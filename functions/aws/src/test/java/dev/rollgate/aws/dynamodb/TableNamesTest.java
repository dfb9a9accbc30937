package dev.rollgate.aws.dynamodb;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableNamesTest {
    @Test
    void namesAreReadFromTheSchemaVariables() {
        TableNames names = TableNames.fromEnvironment(Map.of("ROLLGATE_ROLLOUTS_TABLE", "r-1",
                "ROLLGATE_HISTORY_TABLE", "h-1", "ROLLGATE_WINDOWS_TABLE", "w-1", "ROLLGATE_APPROVALS_TABLE", "a-1",
                "ROLLGATE_IDEMPOTENCY_TABLE", "i-1", "ROLLGATE_POLICIES_TABLE", "p-1", "UNRELATED", "x"));

        assertThat(names).isEqualTo(new TableNames("r-1", "h-1", "w-1", "a-1", "i-1", "p-1"));
        assertThat(TableNames.fromEnvironment(names.asEnvironment())).isEqualTo(names);
    }

    @Test
    void everyMissingVariableIsNamedAtOnce() {
        Map<String, String> env = new HashMap<>(TableNames.withPrefix("x-").asEnvironment());
        env.remove("ROLLGATE_HISTORY_TABLE");
        env.put("ROLLGATE_POLICIES_TABLE", " ");

        assertThatThrownBy(() -> TableNames.fromEnvironment(env)).isInstanceOf(StateConfigurationException.class)
                .hasMessageContaining("ROLLGATE_HISTORY_TABLE").hasMessageContaining("ROLLGATE_POLICIES_TABLE")
                .hasMessageNotContaining("ROLLGATE_ROLLOUTS_TABLE");
    }

    @Test
    void anInvalidTableNameIsRefused() {
        Map<String, String> env = new HashMap<>(TableNames.withPrefix("x-").asEnvironment());
        env.put("ROLLGATE_ROLLOUTS_TABLE", "has space");
        assertThatThrownBy(() -> TableNames.fromEnvironment(env)).isInstanceOf(StateConfigurationException.class)
                .hasMessageContaining("has space");
    }

    @Test
    void prefixedNamesFollowTheSchemaShortNames() {
        TableNames names = TableNames.withPrefix("sandbox-");
        for (TableSpec spec : StateSchema.ALL) {
            assertThat(names.nameOf(spec)).isEqualTo("sandbox-" + spec.shortName());
        }
    }
}
