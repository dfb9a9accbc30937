package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.time.IsoInstants;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Small typed readers and writers for attribute values; a missing required attribute is a clear error. */
final class Attrs {
    private Attrs() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue n(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + value);
        }
        return AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString());
    }

    static AttributeValue instant(Instant value) {
        return AttributeValue.fromS(value.toString());
    }

    static String str(Map<String, AttributeValue> item, String name) {
        return required(item, name).s();
    }

    static Optional<String> optStr(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? Optional.empty() : Optional.of(v.s());
    }

    static long lng(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(required(item, name).n());
    }

    static double dbl(Map<String, AttributeValue> item, String name) {
        return Double.parseDouble(required(item, name).n());
    }

    static Optional<Double> optDbl(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? Optional.empty() : Optional.of(Double.parseDouble(v.n()));
    }

    /** A stored instant, read by the fast reader of what {@link #instant(Instant)} writes (a window read has 360). */
    static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = str(item, name);
        try {
            return IsoInstants.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalStateException("stored attribute '" + name + "' is not an ISO-8601 instant", e);
        }
    }

    static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        return required(item, name).m();
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null) {
            throw new IllegalStateException("stored item lacks attribute '" + name + "'");
        }
        return v;
    }
}
