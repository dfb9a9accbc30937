package dev.rollgate.console.policies;

import dev.rollgate.core.state.StoredPolicy;

/** What publishing a policy version from the console did, in words the page can show. */
public sealed interface PublishResult {
    /** Stored as the policy's next version, with the publisher as its author. */
    record Published(StoredPolicy policy) implements PublishResult {
    }

    /** Not allowed or not valid (role, tenant, name, invalid policy), or someone published first. */
    record Refused(String why) implements PublishResult {
    }
}
