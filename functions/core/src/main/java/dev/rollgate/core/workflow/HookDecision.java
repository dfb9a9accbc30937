package dev.rollgate.core.workflow;

import dev.rollgate.core.traffic.HookStatus;

import java.util.Objects;

/** What a CodeDeploy lifecycle hook should do now: report a verdict, or keep waiting and ask again. */
public sealed interface HookDecision {

    String reason();

    /** The verdict is known: report it to CodeDeploy. */
    record Report(HookStatus status, String reason) implements HookDecision {
        public Report {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The rollout's gate has not decided yet: report nothing, ask again later (within the hook's hour). */
    record Pending(String reason) implements HookDecision {
        public Pending {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
