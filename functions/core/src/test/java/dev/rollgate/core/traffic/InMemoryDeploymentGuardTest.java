package dev.rollgate.core.traffic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryDeploymentGuardTest {
    private final InMemoryDeploymentGuard guard = new InMemoryDeploymentGuard();

    @Test
    void firstClaimWinsAndLaterClaimsSeeTheRecordedDeployment() {
        assertThat(guard.claim("r1", 1, 1)).isEqualTo(new DeploymentClaim.Won());
        assertThat(guard.claim("r1", 1, 1)).isEqualTo(new DeploymentClaim.AlreadyClaimed(java.util.Optional.empty()));

        guard.recordDeployment("r1", 1, 1, "d-1");

        assertThat(guard.claim("r1", 1, 1)).isEqualTo(new DeploymentClaim.AlreadyClaimed(java.util.Optional.of("d-1")));
        assertThat(guard.deploymentOf("r1", 1, 1)).contains("d-1");
    }

    @Test
    void stagesAndRolloutsAreClaimedIndependently() {
        assertThat(guard.claim("r1", 1, 1)).isInstanceOf(DeploymentClaim.Won.class);
        assertThat(guard.claim("r1", 1, 2)).isInstanceOf(DeploymentClaim.Won.class);
        assertThat(guard.claim("r2", 1, 1)).isInstanceOf(DeploymentClaim.Won.class);
    }

    @Test
    void recordingTheSameDeploymentTwiceIsANoOpButADifferentOneIsAConflict() {
        guard.claim("r1", 1, 1);
        guard.recordDeployment("r1", 1, 1, "d-1");
        guard.recordDeployment("r1", 1, 1, "d-1");

        assertThatThrownBy(() -> guard.recordDeployment("r1", 1, 1, "d-2"))
                .isInstanceOf(DeploymentGuardConflictException.class);
        assertThat(guard.deploymentOf("r1", 1, 1)).contains("d-1");
    }

    @Test
    void releaseFreesAClaimWithoutDeploymentButKeepsARecordedOne() {
        guard.claim("r1", 1, 1);
        guard.release("r1", 1, 1);
        assertThat(guard.claim("r1", 1, 1)).isInstanceOf(DeploymentClaim.Won.class);

        guard.recordDeployment("r1", 1, 1, "d-1");
        guard.release("r1", 1, 1);
        assertThat(guard.claim("r1", 1, 1)).isInstanceOf(DeploymentClaim.AlreadyClaimed.class);
    }

    @Test
    void aRecordedDeploymentNamesItsOwnerAndAnUnknownOneNone() {
        guard.claim("r1", 1, 1);
        guard.recordDeployment("r1", 1, 1, "d-1");

        org.assertj.core.api.Assertions.assertThat(guard.ownerOf("d-1")).contains(new DeploymentOwner("r1", 1, 1));
        org.assertj.core.api.Assertions.assertThat(guard.ownerOf("d-sam")).isEmpty();
    }

    @Test
    void aRerunClaimsTheStageAnewWhileARetryWithinTheRunStillFindsItsDeployment() {
        guard.claim("r1", 1, 1);
        guard.recordDeployment("r1", 1, 1, "d-1");

        assertThat(guard.claim("r1", 2, 1)).isEqualTo(new DeploymentClaim.Won());
        assertThat(guard.deploymentOf("r1", 2, 1)).isEmpty();
        guard.recordDeployment("r1", 2, 1, "d-2");

        assertThat(guard.claim("r1", 1, 1)).isEqualTo(new DeploymentClaim.AlreadyClaimed(java.util.Optional.of("d-1")));
        assertThat(guard.claim("r1", 2, 1)).isEqualTo(new DeploymentClaim.AlreadyClaimed(java.util.Optional.of("d-2")));
        assertThat(guard.deploymentOf("r1", 1, 1)).contains("d-1");
        assertThat(guard.ownerOf("d-1")).contains(new DeploymentOwner("r1", 1, 1));
        assertThat(guard.ownerOf("d-2")).contains(new DeploymentOwner("r1", 2, 1));
    }
}
