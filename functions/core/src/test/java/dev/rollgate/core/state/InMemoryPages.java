package dev.rollgate.core.state;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Pagination for the fakes: the cursor is the encoded key of the last item returned. */
final class InMemoryPages {
    private InMemoryPages() {
    }

    static <T> Page<T> page(List<T> sorted, PageRequest request, Function<T, String> keyOf) {
        int start = 0;
        if (request.cursor().isPresent()) {
            String lastKey = decode(request.cursor().get());
            start = -1;
            for (int i = 0; i < sorted.size(); i++) {
                if (keyOf.apply(sorted.get(i)).equals(lastKey)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw new InvalidCursorException("page cursor does not belong to this listing");
            }
        }
        int end = Math.min(sorted.size(), start + request.limit());
        List<T> items = sorted.subList(start, end);
        Optional<String> next = end < sorted.size() && !items.isEmpty()
                ? Optional.of(encode(keyOf.apply(items.get(items.size() - 1))))
                : Optional.empty();
        return new Page<>(items, next);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("page cursor is not one this store issued", e);
        }
    }
}
