package dev.rollgate.aws.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttrsTest {
    @Test
    void storedInstantsReadBackAsWritten() {
        for (Instant at : new Instant[]{Instant.parse("2026-11-28T08:40:46.593Z"), Instant.EPOCH,
                Instant.parse("2026-02-28T23:59:59.999999999Z"), Instant.parse("2024-02-29T00:00:00.000001Z")}) {
            assertThat(Attrs.instant(Map.of("at", Attrs.instant(at)), "at")).isEqualTo(at);
        }
    }

    @Test
    void instantsInAnotherIsoShapeAreStillRead() {
        assertThat(Attrs.instant(Map.of("at", AttributeValue.fromS("2026-11-28T10:00:00+01:00")), "at"))
                .isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
    }

    @Test
    void aStoredValueThatIsNoInstantIsNamedInTheError() {
        assertThatThrownBy(() -> Attrs.instant(Map.of("windowStart", AttributeValue.fromS("2026-02-30T00:00:00Z")),
                "windowStart")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'windowStart'").hasMessageContaining("ISO-8601 instant")
                .hasCauseInstanceOf(java.time.format.DateTimeParseException.class);
    }

    @Test
    void aMissingInstantIsNamedInTheError() {
        assertThatThrownBy(() -> Attrs.instant(Map.of(), "createdAt")).hasMessageContaining("'createdAt'");
    }
}
