package dev.rollgate.core.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shortens history details deliberately so an event always fits its item: long explanations lose their tail,
 * marked with how much was cut, instead of making the write fail at DynamoDB's 400 KB item limit.
 */
public final class HistoryDetail {
    static final String MARKER = "...[truncated %d bytes]";
    private static final int MAX_KEY_BYTES = 256;

    private HistoryDetail() {
    }

    /**
     * Returns {@code detail} unchanged when keys and values together take at most {@code budgetBytes} (UTF-8);
     * otherwise the longest values are shortened first until it fits. Keys are never shortened; an over-long
     * or blank key is bad input.
     */
    public static Map<String, String> fit(Map<String, String> detail, int budgetBytes) {
        Objects.requireNonNull(detail, "detail");
        int keyBytes = 0;
        int valueBytes = 0;
        for (Map.Entry<String, String> e : detail.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), "detail key");
            Objects.requireNonNull(e.getValue(), () -> "detail value of " + key);
            if (key.isBlank() || StateLimits.utf8Length(key) > MAX_KEY_BYTES) {
                throw new IllegalArgumentException("detail key must be 1.." + MAX_KEY_BYTES + " bytes: '"
                        + key.substring(0, Math.min(key.length(), 40)) + "'");
            }
            keyBytes += StateLimits.utf8Length(key);
            valueBytes += StateLimits.utf8Length(e.getValue());
        }
        if (keyBytes + valueBytes <= budgetBytes) {
            return Map.copyOf(detail);
        }
        int valueBudget = budgetBytes - keyBytes;
        if (valueBudget < detail.size() * 64) {
            throw new IllegalArgumentException("history detail has too many keys to fit " + budgetBytes + " bytes");
        }
        return shorten(detail, valueBudget);
    }

    // Water-filling: every value gets an equal share; values shorter than their share give the rest back.
    private static Map<String, String> shorten(Map<String, String> detail, int valueBudget) {
        List<Map.Entry<String, String>> bySize = new ArrayList<>(detail.entrySet());
        bySize.sort((a, b) -> Integer.compare(StateLimits.utf8Length(a.getValue()),
                StateLimits.utf8Length(b.getValue())));
        Map<String, String> out = new LinkedHashMap<>();
        int remaining = valueBudget;
        for (int i = 0; i < bySize.size(); i++) {
            Map.Entry<String, String> e = bySize.get(i);
            int share = remaining / (bySize.size() - i);
            String value = truncate(e.getValue(), share);
            out.put(e.getKey(), value);
            remaining -= StateLimits.utf8Length(value);
        }
        return Map.copyOf(out);
    }

    /** {@code value} cut to at most {@code maxBytes} UTF-8 bytes including the marker, on a code point boundary. */
    static String truncate(String value, int maxBytes) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return value;
        }
        int keep = maxBytes - String.format(MARKER, bytes.length).getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > keep) {
                break;
            }
            kept.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        return kept + String.format(MARKER, bytes.length - used);
    }
}
