package dev.rollgate.standin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandInConfigTest {

    @Test
    void theShippedExampleParses() {
        StandInConfig config = StandInConfig.example();

        assertThat(config.apiKeys()).hasSize(2);
        assertThat(config.topics()).containsKey("job.support.reply");
        assertThat(config.workflows().get("wf-support").steps()).hasSize(3);
        assertThat(config.runs().reservedIdempotencyKeys()).containsExactly("reserved-key-1");
    }

    @Test
    void aJsonFileWithTheSameKeysParses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("standin.json");
        Files.writeString(file, """
                {"apiKeys": [{"key": "k", "tenant": "acme"}],
                 "topics": {"job.a": {"decision": "DECISION_TYPE_ALLOW"}},
                 "faults": {"status": 503, "times": 2}}
                """);

        StandInConfig config = StandInConfig.read(file);

        assertThat(config.apiKeys().get(0).tenant()).isEqualTo("acme");
        assertThat(config.faults().status()).isEqualTo(503);
        assertThat(config.faults().times()).isEqualTo(2);
    }

    @Test
    void anUnknownKeyIsAnErrorNamingTheKeyAndFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("standin.yaml");
        Files.writeString(file, "runs:\n  maxConcurrent: 3\n");

        assertThatThrownBy(() -> StandInConfig.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("standin.yaml").hasMessageContaining("maxConcurrent");
    }

    @Test
    void anUnsupportedFaultStatusIsRejected() {
        assertThatThrownBy(() -> StandInConfig.parse("faults: {status: 418}", false, "inline"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("faults.status");
    }

    @Test
    void theApiKeyIsNotInTheConfigsText() {
        assertThat(StandInConfig.example().toString()).doesNotContain("standin-admin-key");
    }
}
