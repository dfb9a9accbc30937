package dev.rollgate.aws.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Estimates an item's size the way DynamoDB counts it (attribute names plus values, UTF-8; numbers at most
 * 21 bytes; 3 bytes of overhead per list or map entry), rounding up so the estimate is never too small. The cost
 * benchmark sizes items with the same walk and an exact number size ({@link #of(Map, ToLongFunction)}).
 */
public final class ItemSize {
    /** The upper bound DynamoDB documents for one number: never too small, which the size limit check needs. */
    private static final ToLongFunction<String> NUMBER_AT_MOST = n -> 21;

    /** DynamoDB's hard limit is 400 KB; keep a margin for the estimate's slack. */
    static final int MAX_ITEM_BYTES = 390 * 1024;

    private ItemSize() {
    }

    static void check(String table, String what, Map<String, AttributeValue> item) {
        long size = of(item);
        if (size > MAX_ITEM_BYTES) {
            throw new ItemTooLargeException(what + " for table " + table + " would take about " + size
                    + " bytes, more than the " + MAX_ITEM_BYTES + " allowed");
        }
    }

    static long of(Map<String, AttributeValue> item) {
        return of(item, NUMBER_AT_MOST);
    }

    /** The item's size with {@code numberBytes} giving the size of one number from its text. */
    public static long of(Map<String, AttributeValue> item, ToLongFunction<String> numberBytes) {
        long total = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            total += utf8(e.getKey()) + valueSize(e.getValue(), numberBytes);
        }
        return total;
    }

    private static long valueSize(AttributeValue v, ToLongFunction<String> numberBytes) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            return numberBytes.applyAsLong(v.n());
        }
        if (v.b() != null) {
            return v.b().asByteArray().length;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasM()) {
            long size = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                size += 1 + utf8(e.getKey()) + valueSize(e.getValue(), numberBytes);
            }
            return size;
        }
        if (v.hasL()) {
            long size = 3;
            for (AttributeValue element : v.l()) {
                size += 1 + valueSize(element, numberBytes);
            }
            return size;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToLong(ItemSize::utf8).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToLong(numberBytes).sum();
        }
        if (v.hasBs()) {
            List<SdkBytes> bs = v.bs();
            return bs.stream().mapToLong(b -> b.asByteArray().length).sum();
        }
        return 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
