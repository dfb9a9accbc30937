package dev.rollgate.perf.cost;

import dev.rollgate.aws.dynamodb.ItemSize;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Item sizes and request units as DynamoDB's developer guide defines them ("Item sizes and formats", "Read/write
 * capacity mode"): names and strings in UTF-8 bytes, numbers about one byte per two significant digits plus one,
 * 3 bytes per list or map plus 1 per element; a read unit covers 4 KB of a strongly consistent read (twice that
 * eventually consistent), a write unit 1 KB, transactional requests take twice the units, and every request
 * takes at least one unit (half for an eventually consistent read).
 */
public final class DynamoDbSizes {
    public static final int READ_UNIT_BYTES = 4096;
    public static final int WRITE_UNIT_BYTES = 1024;

    private DynamoDbSizes() {
    }

    public static long itemBytes(Map<String, AttributeValue> item) {
        return ItemSize.of(item, DynamoDbSizes::numberBytes);
    }

    /** Read units for reading {@code bytes} in one request (GetItem: one item; Query: all items it returned). */
    public static double readUnits(long bytes, boolean stronglyConsistent) {
        long units = Math.max(1, ceilDiv(bytes, READ_UNIT_BYTES));
        return stronglyConsistent ? units : units / 2.0;
    }

    /** Write units for writing an item of {@code bytes} (the larger of the item before and after). */
    public static long writeUnits(long bytes) {
        return Math.max(1, ceilDiv(bytes, WRITE_UNIT_BYTES));
    }

    static long numberBytes(String number) {
        BigDecimal n = new BigDecimal(number).stripTrailingZeros();
        int digits = n.signum() == 0 ? 1 : n.precision();
        return (digits + 1) / 2 + 1 + (n.signum() < 0 ? 1 : 0);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
