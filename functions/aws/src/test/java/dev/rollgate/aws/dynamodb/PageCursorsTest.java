package dev.rollgate.aws.dynamodb;

import dev.rollgate.core.state.InvalidCursorException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCursorsTest {
    private static final Map<String, AttributeValue> KEY = Map.of("rolloutId", AttributeValue.fromS("ro-1"),
            "seq", AttributeValue.fromN("42"));

    @Test
    void cursorRoundTripsTheLastEvaluatedKey() {
        String cursor = PageCursors.encode("history:ro-1", KEY).orElseThrow();
        assertThat(PageCursors.decode("history:ro-1", Optional.of(cursor))).contains(KEY);
    }

    @Test
    void noLastKeyMeansNoCursor() {
        assertThat(PageCursors.encode("x", Map.of())).isEmpty();
        assertThat(PageCursors.encode("x", null)).isEmpty();
        assertThat(PageCursors.decode("x", Optional.empty())).isEmpty();
    }

    @Test
    void cursorOfAnotherListingIsRefused() {
        String cursor = PageCursors.encode("history:ro-1", KEY).orElseThrow();
        assertThatThrownBy(() -> PageCursors.decode("history:ro-2", Optional.of(cursor)))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("another listing");
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> PageCursors.decode("x", Optional.of("%%%")))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> PageCursors.decode("x", Optional.of("e30"))) // "{}"
                .isInstanceOf(InvalidCursorException.class);
    }
}
