package dev.rollgate.aws.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemSizeTest {
    @Test
    void sizeCountsNamesAndUtf8Values() {
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("\u00e9\u00e9"),
                "n", AttributeValue.fromN("12"));
        assertThat(ItemSize.of(item)).isEqualTo(2 + 4 + 1 + 21);
    }

    @Test
    void nestedMapsCountTheirEntries() {
        Map<String, AttributeValue> item = Map.of("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("vv"))));
        assertThat(ItemSize.of(item)).isEqualTo(1 + 3 + 1 + 1 + 2);
    }

    @Test
    void anItemOverTheBudgetIsRefusedBeforeWriting() {
        Map<String, AttributeValue> item = Map.of("body", AttributeValue.fromS("x".repeat(ItemSize.MAX_ITEM_BYTES)));
        assertThatThrownBy(() -> ItemSize.check("rollouts", "rollout ro-1", item))
                .isInstanceOf(ItemTooLargeException.class).hasMessageContaining("rollout ro-1")
                .hasMessageContaining("rollouts");
    }

    @Test
    void anItemWithinTheBudgetPasses() {
        ItemSize.check("rollouts", "rollout ro-1", Map.of("body", AttributeValue.fromS("x".repeat(1000))));
    }
}
