package dev.rollgate.core.traffic;

import java.util.Optional;

/** The answer to a claim on starting a rollout stage's deployment. */
public sealed interface DeploymentClaim {

    /** This caller claimed first and must start the deployment, then record its id. */
    record Won() implements DeploymentClaim {
    }

    /**
     * An earlier caller claimed the stage. The deployment id is present once that caller recorded it; empty
     * while it is still starting the deployment or if it failed between claiming and recording.
     */
    record AlreadyClaimed(Optional<String> deploymentId) implements DeploymentClaim {
        public AlreadyClaimed {
            java.util.Objects.requireNonNull(deploymentId, "deploymentId");
        }
    }
}
