package dev.rollgate.core.state;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryDetailTest {
    @Test
    void detailWithinBudgetIsKeptAsIs() {
        Map<String, String> detail = Map.of("verdict", "PASS", "score", "97");
        assertThat(HistoryDetail.fit(detail, 100)).isEqualTo(detail);
    }

    @Test
    void longestValueIsShortenedFirstAndShortOnesStayWhole() {
        Map<String, String> fitted = HistoryDetail.fit(Map.of("verdict", "FAIL", "explanation", "e".repeat(5000)),
                1000);

        assertThat(fitted.get("verdict")).isEqualTo("FAIL");
        assertThat(fitted.get("explanation")).startsWith("eee").endsWith("bytes]");
        int total = fitted.entrySet().stream()
                .mapToInt(e -> StateLimits.utf8Length(e.getKey()) + StateLimits.utf8Length(e.getValue())).sum();
        assertThat(total).isLessThanOrEqualTo(1000);
    }

    @Test
    void truncationNeverSplitsAMultiByteCharacter() {
        String cut = HistoryDetail.truncate("\u00e9\uD83D\uDE00".repeat(100), 101);
        assertThat(StateLimits.utf8Length(cut)).isLessThanOrEqualTo(101);
        assertThat(cut).doesNotContain("\uFFFD");
        assertThat(cut.replaceAll("\\.\\.\\.\\[truncated \\d+ bytes]$", "")).matches("(\u00e9\uD83D\uDE00)*\u00e9?");
    }

    @Test
    void blankKeyIsRejectedWithItsProblemNamed() {
        assertThatThrownBy(() -> HistoryDetail.fit(Map.of(" ", "v"), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("detail key");
    }
}
