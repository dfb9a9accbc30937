package dev.rollgate.core.preflight;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules every {@link RerunGuard} follows; adapters extend this with their own guard. */
public abstract class RerunGuardContract {

    protected abstract RerunGuard guard();

    /** Makes ids unique per test, so a shared table needs no cleaning. */
    protected String unique(String base) {
        return base + "-" + System.nanoTime();
    }

    @Test
    void theFirstClaimWinsAndLaterClaimsSeeItInFlight() {
        RerunGuard guard = guard();
        String rollout = unique("ro");

        assertThat(guard.claim(rollout, "run-1", "s2")).isInstanceOf(RerunClaim.Granted.class);
        assertThat(guard.claim(rollout, "run-1", "s2")).isInstanceOf(RerunClaim.InFlight.class);
    }

    @Test
    void aRecordedRunIsHandedToLaterClaims() {
        RerunGuard guard = guard();
        String rollout = unique("ro");
        guard.claim(rollout, "run-1", "s2");

        guard.recordNewRun(rollout, "run-1", "s2", "run-7");

        assertThat(guard.claim(rollout, "run-1", "s2")).isEqualTo(new RerunClaim.AlreadyStarted("run-7"));
    }

    @Test
    void aReleasedClaimCanBeClaimedAgain() {
        RerunGuard guard = guard();
        String rollout = unique("ro");
        guard.claim(rollout, "run-1", "s2");

        guard.release(rollout, "run-1", "s2");

        assertThat(guard.claim(rollout, "run-1", "s2")).isInstanceOf(RerunClaim.Granted.class);
    }

    @Test
    void releasingARecordedRunKeepsIt() {
        RerunGuard guard = guard();
        String rollout = unique("ro");
        guard.claim(rollout, "run-1", "s2");
        guard.recordNewRun(rollout, "run-1", "s2", "run-7");

        guard.release(rollout, "run-1", "s2");

        assertThat(guard.claim(rollout, "run-1", "s2")).isEqualTo(new RerunClaim.AlreadyStarted("run-7"));
    }

    @Test
    void otherRunsStepsAndRolloutsAreSeparate() {
        RerunGuard guard = guard();
        String rollout = unique("ro");
        guard.claim(rollout, "run-1", "s2");

        assertThat(guard.claim(rollout, "run-1", "s3")).isInstanceOf(RerunClaim.Granted.class);
        assertThat(guard.claim(rollout, "run-2", "s2")).isInstanceOf(RerunClaim.Granted.class);
        assertThat(guard.claim(unique("other"), "run-1", "s2")).isInstanceOf(RerunClaim.Granted.class);
    }
}
