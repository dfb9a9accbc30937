package dev.rollgate.core.preflight;

import java.util.Objects;

/** What happened to an approve or reject request that the service answered. */
public sealed interface ApprovalResolution {

    String jobId();

    /**
     * The approval now has the requested outcome.
     *
     * @param alreadyResolved true when an earlier identical request had resolved it (a safe repeat)
     */
    record Resolved(String jobId, boolean alreadyResolved) implements ApprovalResolution {
        public Resolved {
            Objects.requireNonNull(jobId, "jobId");
        }
    }

    /** The approver is the one who submitted the job. */
    record SelfApprovalDenied(String jobId) implements ApprovalResolution {
        public SelfApprovalDenied {
            Objects.requireNonNull(jobId, "jobId");
        }
    }

    /** No approval with this job id. */
    record NotFound(String jobId) implements ApprovalResolution {
        public NotFound {
            Objects.requireNonNull(jobId, "jobId");
        }
    }

    /** The approval can no longer be resolved this way. */
    record Conflict(String jobId, ApprovalConflict conflict, String rawCode) implements ApprovalResolution {
        public Conflict {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(conflict, "conflict");
            Objects.requireNonNull(rawCode, "rawCode");
        }
    }

    /** The approval was locked by a concurrent change; the same request may be sent again later. */
    record RetryableLock(String jobId) implements ApprovalResolution {
        public RetryableLock {
            Objects.requireNonNull(jobId, "jobId");
        }
    }
}
