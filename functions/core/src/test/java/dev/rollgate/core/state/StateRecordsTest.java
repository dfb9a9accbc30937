package dev.rollgate.core.state;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static dev.rollgate.core.state.StateFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateRecordsTest {
    private static NewRollout request(String id, String candidate) {
        return new NewRollout(id, "acme", "support-agent", candidate, "v41", "alice", "default", 1, "yaml");
    }

    @Test
    void fingerprintIgnoresTheRolloutIdButNotWhatWasAsked() {
        assertThat(request("ro-1", "v42").fingerprint()).isEqualTo(request("ro-2", "v42").fingerprint());
        assertThat(request("ro-1", "v42").fingerprint()).isNotEqualTo(request("ro-1", "v43").fingerprint());
    }

    @Test
    void fingerprintKeepsFieldBoundaries() {
        NewRollout a = new NewRollout("r", "acme", "ab", "c", "v41", "alice", "default", 1, "yaml");
        NewRollout b = new NewRollout("r", "acme", "a", "bc", "v41", "alice", "default", 1, "yaml");
        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
    }

    @Test
    void blankOrOversizedFieldsAreRefusedByName() {
        assertThatThrownBy(() -> request(" ", "v42")).hasMessageContaining("rollout id");
        assertThatThrownBy(() -> new NewRollout("r", "acme", "agent", "v42", "v41", "alice", "default", 1,
                "x".repeat(StateLimits.MAX_POLICY_YAML_BYTES + 1))).hasMessageContaining("policyYaml");
        assertThatThrownBy(() -> new NewRollout("r", "acme", "agent", "v42", "v41", "alice", "default", 0, "y"))
                .hasMessageContaining("policyVersion");
    }

    @Test
    void approvalMustBeDecidedExactlyWhenNotPending() {
        ApprovalRequest pending = StateFixture.approval("acme", "ro-1", T0);
        assertThatThrownBy(() -> new ApprovalRequest(pending.id(), pending.rolloutId(), "acme", "canary-1", "r",
                "alice", "tok", T0, T0.plusSeconds(60), ApprovalStatus.APPROVED, Optional.empty()))
                .hasMessageContaining("decision");
        assertThatThrownBy(() -> new ApprovalDecision(ApprovalStatus.REJECTED, "bob", T0, " "))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> new ApprovalDecision(ApprovalStatus.PENDING, "bob", T0, "why"))
                .hasMessageContaining("PENDING");
    }

    @Test
    void approvalKnowsItsAgeAndWhenItIsOverdue() {
        ApprovalRequest pending = StateFixture.approval("acme", "ro-1", T0);
        assertThat(pending.age(T0.plus(Duration.ofMinutes(90)))).isEqualTo(Duration.ofMinutes(90));
        assertThat(pending.isOverdue(pending.deadline())).isFalse();
        assertThat(pending.isOverdue(pending.deadline().plusSeconds(1))).isTrue();
    }

    @Test
    void pageLimitOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> PageRequest.first(0)).hasMessageContaining("page limit");
        assertThatThrownBy(() -> PageRequest.first(PageRequest.MAX_LIMIT + 1)).hasMessageContaining("page limit");
    }

    @Test
    void aRolloutChangeCarriesABoundedNumberOfEvents() {
        java.util.List<HistoryEntry> events = java.util.Collections.nCopies(RolloutChange.MAX_EVENTS + 1,
                HistoryEntry.of(T0, "E", "system:test", ""));
        assertThatThrownBy(() -> new RolloutChange("ro-1", 1, dev.rollgate.core.lifecycle.RolloutState.pending(T0),
                Optional.empty(), T0, events)).hasMessageContaining("at most");
    }
}
