package dev.rollgate.perf.cost;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbSizesTest {
    @Test
    void namesAndStringsCountTheirUtf8Bytes() {
        // "id" (2) + "r-1" (3) + "name" (4) + "café" (5 bytes in UTF-8)
        assertThat(DynamoDbSizes.itemBytes(Map.of("id", AttributeValue.fromS("r-1"),
                "name", AttributeValue.fromS("café")))).isEqualTo(14);
    }

    @Test
    void numbersTakeAboutOneBytePerTwoSignificantDigitsPlusOne() {
        assertThat(DynamoDbSizes.numberBytes("7")).isEqualTo(2);
        assertThat(DynamoDbSizes.numberBytes("1200")).isEqualTo(2);
        assertThat(DynamoDbSizes.numberBytes("123456")).isEqualTo(4);
        assertThat(DynamoDbSizes.numberBytes("-123456")).isEqualTo(5);
    }

    @Test
    void mapsAndListsAddThreeBytesAndOnePerElement() {
        AttributeValue map = AttributeValue.fromM(Map.of("a", AttributeValue.fromS("xy")));
        AttributeValue list = AttributeValue.fromL(List.of(AttributeValue.fromBool(true)));
        // "m" (1) + 3 + 1 + "a" (1) + "xy" (2)  and  "l" (1) + 3 + 1 + 1
        assertThat(DynamoDbSizes.itemBytes(Map.of("m", map))).isEqualTo(8);
        assertThat(DynamoDbSizes.itemBytes(Map.of("l", list))).isEqualTo(6);
    }

    @Test
    void readsRoundUpToFourKilobytesAndEventualConsistencyHalvesThem() {
        assertThat(DynamoDbSizes.readUnits(0, true)).isEqualTo(1.0);
        assertThat(DynamoDbSizes.readUnits(4096, true)).isEqualTo(1.0);
        assertThat(DynamoDbSizes.readUnits(4097, true)).isEqualTo(2.0);
        assertThat(DynamoDbSizes.readUnits(4097, false)).isEqualTo(1.0);
        assertThat(DynamoDbSizes.readUnits(10, false)).isEqualTo(0.5);
    }

    @Test
    void writesRoundUpToOneKilobyteWithOneAtLeast() {
        assertThat(DynamoDbSizes.writeUnits(0)).isEqualTo(1);
        assertThat(DynamoDbSizes.writeUnits(1024)).isEqualTo(1);
        assertThat(DynamoDbSizes.writeUnits(1025)).isEqualTo(2);
        assertThat(DynamoDbSizes.writeUnits(3000)).isEqualTo(3);
    }
}
