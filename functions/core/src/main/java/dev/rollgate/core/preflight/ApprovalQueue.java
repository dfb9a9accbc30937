package dev.rollgate.core.preflight;

import java.util.Optional;

/** The control plane's queue of jobs waiting for a human decision. */
public interface ApprovalQueue {

    /** Pending approvals only (resolved ones are left out), one page at a time. */
    CallOutcome<ApprovalPage> pending(String tenant, int limit, Optional<Integer> cursor);

    CallOutcome<ApprovalResolution> approve(String tenant, String jobId, String reason);

    CallOutcome<ApprovalResolution> reject(String tenant, String jobId, String reason);
}
